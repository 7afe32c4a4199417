// /script: a lead views the team's call scripts (good and bad terms, Russian and English) and replaces
// or resets them. Managers read the scripts in their call cards.
import { Composer, InlineKeyboard } from "grammy";
import type { Terms } from "../db/schema.js";
import { defaultScriptTemplate, resetScript, scriptTemplate } from "./scripts.js";
import type { BotContext } from "../bot/context.js";
import { scriptEditId } from "./script-edit-dialogue.js";
import { requireLead } from "../bot/guards.js";
import { escapeHtml } from "../platform/html.js";
import { translator, type Locale } from "../platform/locale.js";
import { scriptButtons, scriptData } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { MESSAGE_LIMIT } from "./card-view.js";
import { TOUCH_KINDS, touchScriptKey, touchTemplate } from "../stars/scripts.js";

export const scriptFeature = new Composer<BotContext>();

scriptFeature.command("script", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  await sendScripts(ctx, membership.team.id, ctx.actor.locale);
});

onButton(scriptFeature, scriptButtons, async (ctx, tap) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  const teamId = membership.team.id;
  if (tap.kind === "locale") {
    await ctx.answerCallbackQuery();
    return sendScripts(ctx, teamId, tap.locale);
  }
  if (tap.kind === "reset") {
    const reset = resetScript(ctx.deps.db, { teamId, terms: tap.terms, locale: tap.locale });
    await ctx.answerCallbackQuery({ text: ctx.t(reset ? "script-reset-done" : "script-reset-nothing") });
    if (reset) ctx.log.info({ teamId, terms: tap.terms, locale: tap.locale }, "call script reset");
    return sendScripts(ctx, teamId, tap.locale);
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(scriptEditId); // one open copy of this dialogue; others stay
  await ctx.conversation.enter(scriptEditId, { terms: tap.terms, locale: tap.locale });
});

/** The scripts of one language, split into messages under Telegram's limit, buttons on the last one. */
async function sendScripts(ctx: BotContext, teamId: number, locale: Locale): Promise<void> {
  const scriptT = translator(ctx.i18nInstance, locale);
  const keyboard = new InlineKeyboard();
  const blocks = [ctx.t("script-title", { locale }) + "\n\n" + ctx.t("script-hint")];
  const custom: Terms[] = [];
  for (const terms of ["good", "bad"] as const) {
    const script = scriptTemplate(ctx.deps.db, { teamId, terms, locale, fallback: defaultScriptTemplate(scriptT, terms) });
    if (script.custom) custom.push(terms);
    blocks.push(ctx.t("script-terms", { terms, custom: script.custom ? "yes" : "no" }) + "\n<blockquote expandable>" + escapeHtml(script.text) + "</blockquote>");
  }
  keyboard.text(ctx.t("script-btn-edit", { terms: "good" }), scriptData.edit("good", locale)).text(ctx.t("script-btn-edit", { terms: "bad" }), scriptData.edit("bad", locale)).row();
  for (const terms of custom.filter((c) => c === "good" || c === "bad")) keyboard.text(ctx.t("script-btn-reset", { terms }), scriptData.reset(terms, locale)).row();
  // De-starring: the second-voice scripts, one per kind of touch.
  blocks.push(ctx.t("script-touch-hint"));
  for (const kind of TOUCH_KINDS) {
    const script = touchTemplate(ctx.deps.db, { teamId, kind, locale, translate: scriptT });
    const key = touchScriptKey(kind);
    if (script.custom) custom.push(key);
    blocks.push(ctx.t("script-terms", { terms: key, custom: script.custom ? "yes" : "no" }) + "\n<blockquote expandable>" + escapeHtml(script.text) + "</blockquote>");
    keyboard.text(ctx.t("script-btn-edit", { terms: key }), scriptData.edit(key, locale));
  }
  keyboard.row();
  for (const terms of custom.filter((c) => String(c).startsWith("touch_"))) keyboard.text(ctx.t("script-btn-reset", { terms }), scriptData.reset(terms, locale)).row();
  const other: Locale = locale === "ru" ? "en" : "ru";
  keyboard.text(ctx.t("script-btn-locale", { locale: other }), scriptData.locale(other));

  const messages: string[] = [];
  for (const block of blocks) {
    const last = messages.at(-1);
    if (last !== undefined && last.length + 2 + block.length <= MESSAGE_LIMIT) messages[messages.length - 1] = last + "\n\n" + block;
    else messages.push(block);
  }
  for (const [i, text] of messages.entries()) {
    await ctx.reply(text, i === messages.length - 1 ? { reply_markup: keyboard } : {});
  }
}
