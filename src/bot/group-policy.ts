// The one place that decides what may be said in a group chat. A group sees progress only: checklist
// steps, counts, due dates, who is responsible. Anything about a specific client, the terms of departure,
// the base's composition, invite links or settings continues in the person's private chat, and the group
// gets "продолжим в личке" with a button that opens it.
//
// Mounted before every dialogue and feature (index.ts). Features that are allowed in a group render
// for their audience (see `audienceOf`), and the /offboard dialogue hands over to the private chat after
// "who is leaving" (handover/offboard-dialogue.ts). A last net on the Bot API refuses invite links to groups.
import { InlineKeyboard, type MiddlewareFn, type Transformer } from "grammy";
import { leadOnlyKey } from "./guards.js";
import type { BotContext, ConvContext } from "./context.js";

export type Audience = "group" | "private";

/** Telegram gives groups, supergroups and channels negative ids, people positive ones. */
export const audienceOf = (chatId: number): Audience => (chatId < 0 ? "group" : "private");
export const inGroup = (ctx: { chat?: { type: string } | undefined }): boolean => ctx.chat !== undefined && ctx.chat.type !== "private";

/** Commands whose group answer holds progress only. Others a member sends in a group continue in private. */
const GROUP_COMMANDS = new Set(["start", "help", "language", "link", "team", "offboard", "report", "cancel"]);

/**
 * Buttons that may act in a group: the /offboard "who is leaving" step, the checklist (steps, due dates,
 * responsible, history), the language menu. The interview, the distribution (the base's composition),
 * the template editor, call cards, clients, settings and scripts are private.
 */
const GROUP_BUTTONS: RegExp[] = [/^off:c:/, /^lang:/, /^chk:(?!in:(?:iv|ta|tr|to)(?::|$)|ck:|cd:)/];

/** Private-only buttons a group tap may continue from, re-offered in the private chat. */
const CONTINUABLE: RegExp[] = [/^chk:in:iv:\d{1,12}$/, /^dist:h:\d{1,12}$/];

export function buttonAllowedInGroup(data: string): boolean {
  return GROUP_BUTTONS.some((p) => p.test(data));
}

const commandOf = (text: string | undefined, botUsername: string): string | null => {
  const m = /^\/([a-z0-9_]+)(?:@(\w+))?/i.exec(text ?? "");
  if (!m) return null;
  if (m[2] && m[2].toLowerCase() !== botUsername.toLowerCase()) return null;
  return m[1]!.toLowerCase();
};

/** The gate: in a group, a member's private-only command or button continues in private. */
export const groupPolicy: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!inGroup(ctx) || !ctx.actor.member) return next();
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (buttonAllowedInGroup(data)) return next();
    // The continuable actions (interview, distribution) are a lead's: others are not sent anywhere.
    const continuable = CONTINUABLE.some((p) => p.test(data));
    if (continuable && ctx.actor.member.role !== "lead") return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
    await ctx.answerCallbackQuery({ text: ctx.t("group-private-toast") }).catch(() => undefined);
    if (continuable) await continueInPrivate(ctx, { key: "group-continue-private", buttonData: data });
    return;
  }
  const command = commandOf(ctx.message?.text, ctx.me.username);
  // The checklist template is the team's settings: edited in private like the rest of them.
  const template = command === "offboard" && /^\/\S+\s+(template|шаблон)\s*$/i.test(ctx.message?.text ?? "");
  if (command !== null && (template || !GROUP_COMMANDS.has(command)) && knownCommands.has(command)) {
    return ctx.reply(ctx.t("group-command-private", { command }), {
      reply_markup: new InlineKeyboard().url(ctx.t("group-open-private"), `https://t.me/${ctx.me.username}`),
      reply_parameters: { message_id: ctx.message!.message_id, allow_sending_without_reply: true },
    });
  }
  return next();
};

/** Every command the bot knows; unknown ones fall through to the polite "unknown command". */
const knownCommands = new Set([...GROUP_COMMANDS, "invite", "clients", "client", "export", "distribute", "settings", "script", "status", "today", "stars"]);

/**
 * "Продолжим в личке": the person gets a private message with a button that carries on (the same
 * button data); the group gets a short note with a button opening the private chat. If the person never
 * opened the bot, the group note says so and its button opens the bot with a payload that offers the
 * same button there.
 */
/** What continues in private: its texts are `<key>` (the group's note) and `<key>-dm` (the private message). */
type PrivateContinuation = "group-continue-private" | "offboard-continue-private";

export async function continueInPrivate(ctx: BotContext | ConvContext, what: { key: PrivateContinuation; vars?: Record<string, string | number>; buttonData: string; buttonLabelKey?: string }) {
  const userId = ctx.from!.id;
  const label = ctx.t(what.buttonLabelKey ?? "group-continue-button");
  const sent = await ctx.api
    .sendMessage(userId, ctx.t(`${what.key}-dm`, what.vars ?? {}), { reply_markup: new InlineKeyboard().text(label, what.buttonData) })
    .then(() => true)
    .catch((err) => {
      ctx.log.warn({ err }, "could not continue in the private chat");
      return false;
    });
  const url = `https://t.me/${ctx.me.username}?start=${encodeContinuation(what.buttonData)}`;
  const note = ctx.t(what.key, what.vars ?? {}) + (sent ? "" : `\n${ctx.t("group-dm-unreachable", { bot: ctx.me.username })}`);
  await ctx.reply(note, { reply_markup: new InlineKeyboard().url(ctx.t("group-open-private"), url) });
}

/** /start payloads (letters, digits, _ and - only) for a button to offer again in the private chat. */
export function encodeContinuation(buttonData: string): string {
  return `c-${buttonData.replace(/:/g, "_")}`;
}

export function decodeContinuation(payload: string): string | null {
  if (!payload.startsWith("c-")) return null;
  const data = payload.slice(2).replace(/_/g, ":");
  return CONTINUABLE_IN_PRIVATE.some((p) => p.test(data)) ? data : null;
}

const CONTINUABLE_IN_PRIVATE: RegExp[] = [...CONTINUABLE, /^off:go:\d{1,12}(?::g)?$/];

/** The last net: an invite link never goes to a group, whatever code path tries. */
export const noInviteLinksInGroups: Transformer = (prev, method, payload, signal) => {
  if ((method === "sendMessage" || method === "editMessageText") && payload && typeof payload === "object") {
    const p = payload as { chat_id?: unknown; text?: unknown };
    if (typeof p.chat_id === "number" && p.chat_id < 0 && typeof p.text === "string" && /t\.me\/\w+\?start=(?!c-)[\w-]{16,}/.test(p.text)) {
      throw new Error("refused: an invite link to a group chat");
    }
  }
  return prev(method, payload, signal);
};
