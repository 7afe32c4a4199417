// A lead replaces one of the team's call scripts: the new text is checked (known placeholders only,
// braces in pairs, fits a call card) before it is saved.
import { InlineKeyboard } from "grammy";
import type { Terms } from "../db/schema.js";
import { renderScript, saveScript, validateScriptTemplate } from "./scripts.js";
import type { ConvContext } from "../bot/context.js";
import { escapeHtml } from "../platform/html.js";
import type { Locale } from "../platform/locale.js";
import { scriptData, scriptDialogueButtons } from "./keyboards.js";
import { askUntil, type Conv } from "../bot/dialogues/ask.js";
import { renderTouchScript } from "../stars/scripts.js";
import { leadOnlyKey } from "../bot/guards.js";

export const scriptEditId = "script-edit";

export async function scriptEditConversation(conversation: Conv, ctx: ConvContext, args: { terms: Terms; locale: Locale }): Promise<void> {
  const cancel = new InlineKeyboard().text(ctx.t("call-btn-cancel"), scriptData.cancel);
  const answer = await askUntil(
    conversation,
    ctx,
    { text: ctx.t("script-ask-text", { terms: args.terms, locale: args.locale }), keyboard: cancel, buttons: scriptDialogueButtons },
    async (a) => {
      if (a.kind === "button") return a.tap?.kind === "cancel" ? { ok: true, value: null } : { ok: false, error: ctx.t("script-text-only") };
      const checked = validateScriptTemplate(a.text);
      if (!checked.ok) return { ok: false, error: ctx.t("script-problem", { max: 0, name: "", ...checked.problem }) };
      return { ok: true, value: checked.text };
    },
  );
  const done = answer.ctx;
  if (answer.value === null) {
    await done.reply(done.t("dialog-cancelled"));
    return;
  }
  const text = answer.value;
  const saved = await conversation.external((c) => {
    // The lead may have lost the role while typing.
    const member = c.actor.member;
    if (!member || member.role !== "lead") return false;
    saveScript(c.deps.db, { teamId: member.teamId, terms: args.terms, locale: args.locale, text, now: c.deps.clock.now() });
    c.log.info({ teamId: member.teamId, terms: args.terms, locale: args.locale }, "call script replaced");
    return true;
  });
  if (!saved) {
    await done.reply(done.t(leadOnlyKey(done.actor, false)));
    return;
  }
  const sample = { client: done.t("script-sample-client"), leaver: done.t("script-sample-leaver"), manager: done.actor.member?.name ?? "—" };
  const preview = String(args.terms).startsWith("touch_") ? renderTouchScript(text, { ...sample, owner: sample.leaver }) : renderScript(text, sample);
  await done.reply(done.t("script-saved") + "\n\n<blockquote expandable>" + escapeHtml(preview) + "</blockquote>");
}
