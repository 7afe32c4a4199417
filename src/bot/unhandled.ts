import { Composer } from "grammy";
import { hotQueries } from "../db/hot-queries.js";
import type { BotContext } from "./context.js";
import { waitersIn } from "./dialogues/focus.js";
import { notMemberInGroup } from "./guards.js";

/**
 * The last feature: whatever nobody handled gets a polite word, never silence or an error.
 * `groupDialogues`: the button scopes of the dialogues that run in a group (the rest continue in private,
 * see group-policy.ts), from the registry: someone else's tap on one is told whose dialogue it is.
 */
export function unhandledFeature(groupDialogues: readonly string[]): Composer<BotContext> {
  const unhandled = new Composer<BotContext>();
  unhandled.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: dialogueOwnerText(ctx, groupDialogues) ?? ctx.t("button-stale") }));

  // In groups the bot stays quiet unless spoken to with a command it does not know.
  unhandled.chatType(["group", "supergroup"]).on("message::bot_command", (ctx) => {
    const addressee = /^\/\w+@(\w+)/.exec(ctx.message.text ?? "")?.[1];
    if (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase()) return; // another bot's command
    return ctx.reply(ctx.actor.member ? ctx.t("unknown-command") : notMemberInGroup(ctx));
  });

  unhandled.chatType("private").on("message", (ctx) => {
    if (!ctx.actor.member) return ctx.reply(ctx.t("not-member"), { link_preview_options: { is_disabled: true } });
    return ctx.reply(ctx.t(ctx.message.text?.startsWith("/") ? "unknown-command" : "unhandled-message"));
  });
  return unhandled;
}

/** A tap on someone else's open dialogue in a group: say whose dialogue it is, not "out of date". */
function dialogueOwnerText(ctx: BotContext, groupDialogues: readonly string[]): string | null {
  const chat = ctx.chat;
  const data = ctx.callbackQuery?.data ?? "";
  if (!chat || chat.type === "private" || !ctx.from || !groupDialogues.some((scope) => data.startsWith(`${scope}:`))) return null;
  const others = waitersIn(ctx.deps.db, chat.id, ctx.deps.clock.now().getTime()).filter((id) => id !== ctx.from!.id);
  const owner = others.at(-1);
  if (owner === undefined) return null;
  const name = hotQueries(ctx.deps.db).membershipByTelegramId.get({ id: owner })?.member.name;
  return name ? ctx.t("dialogue-of", { name }) : null;
}
