// What a capability brings to the bot, described once in its folder (`src/<capability>/capability.ts`) and
// listed in src/capabilities.ts. createBot mounts the Composers and the dialogues from it, the button router
// sends a tap to the owner of its prefix, the scheduler runs the jobs, and the command menus show the
// commands: one list, nothing else to keep in step.
import type { ConversationBuilder } from "@grammyjs/conversations";
import type { Composer } from "grammy";
import type { JobDefinition, Sweep } from "../jobs/types.js";
import type { BotContext, BotHooks, BotRules, ConvContext, MenuRole } from "./context.js";

/** A conversation: its builder, its id (for `ctx.conversation.enter`) and its options. */
export interface Dialogue {
  id: string;
  builder: ConversationBuilder<BotContext, ConvContext>;
  /** An unanswered dialogue ends by itself after this long (default: it waits). */
  maxMillisecondsToWait?: number;
  /**
   * The scope of its buttons when it runs in a group (`off:c`): someone else's tap on one is told whose
   * dialogue it is instead of "out of date".
   */
  groupButtons?: string;
}

/** The menus Telegram shows: per member role, for people in no team ("none"), and in groups. */
export type Menu = MenuRole | "group";

/** A command in the menus it belongs to; `position` orders every menu (lower first). */
export interface MenuEntry {
  command: string;
  menus: readonly Menu[];
  position: number;
}

export interface Capability {
  name: string;
  /** Its Composers, in mount order. */
  features: readonly Composer<BotContext>[];
  /** Its conversations (mounted before every feature, so any feature may enter any of them). */
  dialogues?: readonly Dialogue[];
  /**
   * The callback-data prefixes (the part before the first ':') its buttons carry, its dialogues' too: a
   * tap goes straight to this capability. No two capabilities claim one prefix.
   */
  buttons?: readonly string[];
  /** Scheduled jobs, in the order a tick runs them. */
  jobs?: readonly JobDefinition[];
  /** Owed work finished on every scheduler tick, whatever the hour. */
  sweeps?: readonly Sweep[];
  /** Its commands in Telegram's command menus. */
  menu?: readonly MenuEntry[];
  /** The rules of its own the bot's middleware and guards consult (who is talking, client access). */
  botRules?: Partial<BotRules>;
  /** What its Telegram side does for other capabilities' (see BotHooks). */
  botHooks?: Partial<BotHooks>;
}
