import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Api, Context } from "grammy";
import type { Config } from "../platform/config.js";
import type { Db } from "../db/client.js";
import type { members, teams, users } from "../db/schema.js";
import type { Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import type { Locale } from "../platform/locale.js";
import type { User as TelegramUser } from "grammy/types";

export type Team = typeof teams.$inferSelect;
export type Member = typeof members.$inferSelect;
export type User = typeof users.$inferSelect;

/** Everything the bot needs from outside; tests pass their own. */
export interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Used for Bot API calls and file downloads; tests intercept here. */
  fetch?: typeof fetch;
  /** Bot identity, so tests and the e2e run need no getMe call. */
  botInfo?: import("grammy/types").UserFromGetMe;
}

/** Who sent this update: their user row, and their team membership if any. */
export interface Actor {
  user: User | null;
  member: Member | null;
  team: Team | null;
  locale: Locale;
  /**
   * A lead being offboarded (a handover of theirs is active, on any terms): `member` then says manager, so
   * every check and view treats them as one until the handover is closed or cancelled (the leaver's rights).
   */
  leadSuspended: boolean;
}

/** Whose command menu a person sees in their private chat: their role, or the default of people in no team. */
export type MenuRole = "lead" | "manager" | "none";

/** Sets another person's command menu (a new lead's, a removed member's); see command-menu.ts. */
export interface PersonalMenus {
  show(chatId: number, role: MenuRole): Promise<void>;
}

/** What a member may do with client data now: everything, read only until `lastDay`, or nothing (and why). */
export type ClientAccessLevel =
  | { level: "full" }
  | { level: "read"; lastDay: string }
  | { level: "none"; reason: NoAccessReason; lastDay: string | null };

/** Why a member may not see client data (each has its text, `leaver-no-access-<reason>`). */
export type NoAccessReason = "bad_terms" | "after_last_day" | "left";

/**
 * The capabilities' rules the bot's own middleware and guards consult. The bot knows no capability:
 * createBot plugs these in (team/actor.ts, handover/leaver-access.ts).
 */
export interface BotRules {
  /** Who sent an update (their user row is touched): user row, membership and language. */
  actorOf(db: Db, from: TelegramUser, chat: { id: number; type: string } | undefined, now: Date): Omit<Actor, "leadSuspended">;
  /** What the member may do with client data now (the leaver's rights). */
  clientAccess(db: Db, memberId: number, now: Date): ClientAccessLevel;
  /** The member as role checks see them: a lead being offboarded acts as a manager (the leaver's rights). */
  actingMember<M extends { role: string; status: string }>(member: M): M;
}

/**
 * What one capability's Telegram side does for another's, which may not import it (capabilities share
 * only rules and views): each hook is given by the capability that owns it, and createBot plugs it in.
 */
export interface BotHooks {
  /**
   * Redraws a handover's checklist message after a change made elsewhere (a reactivation call, a
   * distribution); false when nothing could be shown (handover/checklist-message-telegram.ts).
   */
  refreshChecklist(api: Api, db: Db, handoverId: number, options: { now: Date; log?: Pick<Logger, "warn"> }): Promise<boolean>;
}

export interface BotExtras {
  config: Config;
  deps: Deps;
  log: Logger;
  actor: Actor;
  rules: BotRules;
  hooks: BotHooks;
  i18nInstance: I18n<BotContext>;
}

/** Context inside a conversation: the same extras, installed again by the conversation plugins. */
export type ConvContext = Context & I18nFlavor & BotExtras;
/** Outside conversations, the command menus too (set by createBot's personalMenus middleware). */
export type BotContext = ConversationFlavor<Context & I18nFlavor & BotExtras & { menus: PersonalMenus }>;
