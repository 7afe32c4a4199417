// From a client's card: "➕ Commitment" -> one sentence -> the bot reads the kind and the due date from it
// («договор до 30.11» is a client deadline due 30.11) and shows them -> "Save" (or another kind with one
// tap, or a date typed). Two actions where there were three; nothing is written before "Save".
import type { TapOf } from "../bot/callback-data.js";
import { InlineKeyboard } from "grammy";
import { localDate } from "../platform/calendar.js";
import { addClientCommitment, MAX_COMMITMENT_TEXT } from "./client-commitments.js";
import { clientCard } from "./clients.js";
import { readCommitment } from "./commitment-text.js";
import { parseUserDate } from "../platform/date-input.js";
import type { CommitmentKind } from "../db/schema.js";
import type { ConvContext } from "../bot/context.js";
import { cardKeyboard, cardText } from "./card-view.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { askUntil, clockNow, type Conv } from "../bot/dialogues/ask.js";
import { hasVisibleText } from "../bot/dialogues/text-input.js";
import { addCommitmentButtons } from "./keyboards.js";

export const addCommitmentId = "add-commitment";
const buttons = addCommitmentButtons;
const KINDS: CommitmentKind[] = ["promise", "document", "deadline"];

type DraftTap = TapOf<typeof addCommitmentButtons>;

interface Draft {
  kind: CommitmentKind;
  text: string;
  dueOn: string | null;
}

export async function addCommitmentConversation(conversation: Conv, ctx: ConvContext, clientId: number): Promise<void> {
  const timezone = ctx.actor.team?.timezone ?? ctx.config.defaultTimezone;
  const now = await clockNow(conversation);
  const ref = { now, timezone };
  const today = localDate(now, timezone);

  const typed = await askUntil(conversation, ctx, { text: ctx.t("client-commitment-ask-what"), buttons }, async (a) => {
    if (a.kind !== "text" || a.text.length < 2 || !hasVisibleText(a.text)) return { ok: false, error: ctx.t("client-commitment-text-invalid") };
    if (a.text.length > MAX_COMMITMENT_TEXT) return { ok: false, error: ctx.t("client-commitment-text-too-long", { max: MAX_COMMITMENT_TEXT }) };
    const read = readCommitment(a.text, ref);
    if (read.dueOn !== null && read.dueOn < today) return { ok: false, error: ctx.t("client-commitment-due-past") };
    return { ok: true, value: read };
  });

  let draft: Draft = typed.value;
  let last = typed.ctx;
  for (;;) {
    const shown = draft;
    const answer = await askUntil<Draft | "save", DraftTap>(conversation, last, { text: draftText(ctx, shown, today), keyboard: draftKeyboard(ctx, shown), buttons }, async (a) => {
      if (a.kind === "button") {
        if (a.tap?.kind === "save") return { ok: true, value: "save" as const };
        return a.tap?.kind === "makeKind" ? { ok: true, value: { ...shown, kind: a.tap.to } } : { ok: false, error: ctx.t("client-commitment-pick-kind") };
      }
      const day = parseUserDate(a.text, ref);
      if (!day) return { ok: false, error: ctx.t("client-commitment-due-invalid") };
      if (day < today) return { ok: false, error: ctx.t("client-commitment-due-past") };
      return { ok: true, value: { ...shown, dueOn: day } };
    });
    last = answer.ctx;
    if (answer.value === "save") break;
    draft = answer.value;
  }

  const member = ctx.actor.member!;
  const team = ctx.actor.team!;
  const viewer = { memberId: member.id, teamId: team.id, role: member.role };
  const chosen = draft;
  const saved = await conversation.external((c) => {
    const commitment = addClientCommitment(c.deps.db, { viewer, clientId, kind: chosen.kind, text: chosen.text, dueOn: chosen.dueOn, now: c.deps.clock.now() });
    return commitment ? commitment.id : null;
  });
  const done = last;
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

function draftText(ctx: ConvContext, d: Draft, today: string): string {
  return ctx.t("client-commitment-draft", {
    kind: d.kind,
    text: d.text,
    hasDue: d.dueOn ? "yes" : "no",
    due: d.dueOn ? formatDayWithWeekday(d.dueOn, ctx.actor.locale, today) : "",
  });
}

/** The two other kinds (one tap to correct the guess), then "Save". */
function draftKeyboard(ctx: ConvContext, d: Draft): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const k of KINDS) if (k !== d.kind) kb.text(ctx.t("client-commitment-make-kind", { kind: k }), buttons.codecs.makeKind.encode({ to: k }));
  return kb.row().text(ctx.t("client-commitment-save"), buttons.codecs.save.encode());
}
