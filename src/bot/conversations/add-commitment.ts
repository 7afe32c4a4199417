// From a client's card: "➕ Commitment" -> kind (buttons) -> what (text) -> due date (text or "no date").
import { InlineKeyboard } from "grammy";
import { localDate } from "../../domain/calendar.js";
import { addClientCommitment, MAX_COMMITMENT_TEXT } from "../../domain/client-commitments.js";
import { clientCard } from "../../domain/clients.js";
import { parseUserDate } from "../../domain/date-input.js";
import type { CommitmentKind } from "../../db/schema.js";
import type { ConvContext } from "../context.js";
import { cardKeyboard, cardText } from "../features/client-card.js";
import { askUntil, clockNow, type Conv } from "./ask.js";
import { hasVisibleText } from "../text-input.js";

export const addCommitmentId = "add-commitment";
const PREFIX = "cla:m:";
const KINDS: CommitmentKind[] = ["promise", "document", "deadline"];

export async function addCommitmentConversation(conversation: Conv, ctx: ConvContext, clientId: number): Promise<void> {
  const kindKeyboard = new InlineKeyboard();
  for (const k of KINDS) kindKeyboard.text(ctx.t("client-commitment-kind", { kind: k }), `${PREFIX}k:${k}`).row();
  const kind = await askUntil(conversation, ctx, { text: ctx.t("client-commitment-ask-kind"), keyboard: kindKeyboard, prefix: PREFIX }, async (a) => {
    const value = a.kind === "button" ? a.data.replace(/^k:/, "") : "";
    return KINDS.includes(value as CommitmentKind) ? { ok: true, value: value as CommitmentKind } : { ok: false, error: ctx.t("client-commitment-pick-kind") };
  });

  const text = await askUntil(conversation, kind.ctx, { text: ctx.t("client-commitment-ask-text", { kind: kind.value }), prefix: PREFIX }, async (a) => {
    if (a.kind !== "text" || a.text.length < 2 || !hasVisibleText(a.text)) return { ok: false, error: ctx.t("client-commitment-text-invalid") };
    if (a.text.length > MAX_COMMITMENT_TEXT) return { ok: false, error: ctx.t("client-commitment-text-too-long", { max: MAX_COMMITMENT_TEXT }) };
    return { ok: true, value: a.text };
  });

  const timezone = ctx.actor.team?.timezone ?? ctx.config.defaultTimezone;
  const now = await clockNow(conversation);
  const today = localDate(now, timezone);
  const noDate = new InlineKeyboard().text(ctx.t("client-commitment-no-date"), `${PREFIX}none`);
  const due = await askUntil(conversation, text.ctx, { text: ctx.t("client-commitment-ask-due"), keyboard: noDate, prefix: PREFIX }, async (a) => {
    if (a.kind === "button") return a.data === "none" ? { ok: true, value: null } : { ok: false, error: ctx.t("client-commitment-due-invalid") };
    const day = parseUserDate(a.text, { now, timezone });
    if (!day) return { ok: false, error: ctx.t("client-commitment-due-invalid") };
    if (day < today) return { ok: false, error: ctx.t("client-commitment-due-past") };
    return { ok: true, value: day };
  });

  const member = ctx.actor.member!;
  const team = ctx.actor.team!;
  const viewer = { memberId: member.id, teamId: team.id, role: member.role };
  const saved = await conversation.external((c) => {
    const commitment = addClientCommitment(c.deps.db, { viewer, clientId, kind: kind.value, text: text.value, dueOn: due.value, now: c.deps.clock.now() });
    return commitment ? commitment.id : null;
  });
  const done = due.ctx;
  if (saved === null) {
    await done.reply(done.t("client-not-found"));
    return;
  }
  const rendered = await conversation.external((c) => {
    const card = clientCard(c.deps.db, viewer, clientId);
    if (!card) return null;
    const v = { t: c.t, locale: c.actor.locale, timezone: team.timezone, today: localDate(c.deps.clock.now(), team.timezone), isLead: member.role === "lead" };
    return { text: cardText(v, card), keyboard: cardKeyboard(v, clientId, null).inline_keyboard };
  });
  await done.reply(done.t("client-commitment-added"));
  if (rendered) await done.reply(rendered.text, { reply_markup: { inline_keyboard: rendered.keyboard } });
}
