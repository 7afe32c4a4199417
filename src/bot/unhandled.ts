import { Composer } from "grammy";
import { membershipOf } from "../team/teams.js";
import type { BotContext } from "./context.js";
import { waitersIn } from "./dialogues/focus.js";
import { CHECKLIST_ANSWERS } from "../handover/checklist-keyboards.js";
import { offboardDialogueButtons } from "../handover/keyboards.js";

/** The last feature: whatever nobody handled gets a polite word, never silence or an error. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: dialogueOwnerText(ctx) ?? ctx.t("button-stale") }));

/** Buttons of the dialogues that run in a group (the rest continue in private, see group-policy.ts). */
const GROUP_DIALOGUE_PREFIXES = [offboardDialogueButtons.scope + ":", CHECKLIST_ANSWERS + ":"];

/** A tap on someone else's open dialogue in a group: say whose dialogue it is, not "out of date". */
function dialogueOwnerText(ctx: BotContext): string | null {
  const chat = ctx.chat;
  const data = ctx.callbackQuery?.data ?? "";
  if (!chat || chat.type === "private" || !ctx.from || !GROUP_DIALOGUE_PREFIXES.some((p) => data.startsWith(p))) return null;
  const others = waitersIn(chat.id).filter((id) => id !== ctx.from!.id);
  const owner = others.at(-1);
  if (owner === undefined) return null;
  const name = membershipOf(ctx.deps.db, owner)?.member.name;
  return name ? ctx.t("dialogue-of", { name }) : null;
}

// In groups the bot stays quiet unless spoken to with a command it does not know.
unhandledFeature.chatType(["group", "supergroup"]).on("message::bot_command", (ctx) => {
  const addressee = /^\/\w+@(\w+)/.exec(ctx.message.text ?? "")?.[1];
  if (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase()) return; // another bot's command
  return ctx.reply(ctx.t(ctx.actor.member ? "unknown-command" : "not-member-group"));
});

unhandledFeature.chatType("private").on("message", (ctx) => {
  if (!ctx.actor.member) return ctx.reply(ctx.t("not-member"), { link_preview_options: { is_disabled: true } });
  return ctx.reply(ctx.t(ctx.message.text?.startsWith("/") ? "unknown-command" : "unhandled-message"));
});
