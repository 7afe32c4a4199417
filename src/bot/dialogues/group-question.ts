// Asking for typed text in a group: with privacy mode on, the bot reads only replies to its messages, so
// the question (or, when it has buttons, a short line after it) is sent with force_reply, selective, so
// only the asker gets the reply field: it replies to the asker's message, or mentions them after a tap.
import type { InlineKeyboard } from "grammy";
import type { ConvContext } from "../context.js";
import { inGroup } from "../group-policy.js";
import { escapeHtml } from "../../platform/html.js";

export async function askText(ctx: ConvContext, text: string, keyboard: InlineKeyboard | undefined, placeholderKey: string) {
  if (!inGroup(ctx)) return ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
  const from = ctx.from!;
  const replyTo = ctx.message?.message_id;
  const forceReply = {
    reply_markup: { force_reply: true as const, selective: true, input_field_placeholder: ctx.t(placeholderKey).slice(0, 64) },
    ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
  };
  // Selective force_reply reaches the author of the replied message or the people mentioned.
  const mention = replyTo === undefined ? `<a href="tg://user?id=${from.id}">${escapeHtml(from.first_name)}</a>: ` : "";
  if (!keyboard) return ctx.reply(mention + text, forceReply);
  await ctx.reply(text, { reply_markup: keyboard });
  return ctx.reply(mention + ctx.t("group-type-answer"), forceReply);
}
