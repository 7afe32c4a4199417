// The typed parts of recording a call: the next contact date (when no quick pick fits), the call-back
// date and time, and the optional note after an outcome. Waits go through ask.ts, so while a date is
// awaited the other cards' buttons in the chat keep working.
import type { TapOf } from "../bot/callback-data.js";
import { InlineKeyboard } from "grammy";
import { MAX_NOTE_LENGTH, addCallNote, recordOutcome, type CallRef, type Outcome } from "./calls.js";
import { parseUserDate, parseUserDateTime } from "../platform/date-input.js";
import { localDate, addDays } from "../platform/calendar.js";
import type { ConvContext } from "../bot/context.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { formatTime } from "../platform/format/date-time.js";
import { callDialogueButtons, dialogData } from "./keyboards.js";
import { askUntil, waitAnswer, type Conv } from "../bot/dialogues/ask.js";
import { afterOutcome, outcomeHooks, refusalKey, type CardMessage } from "./outcome-telegram.js";
import { quoteBack } from "../bot/dialogues/text-input.js";

export const callOutcomeId = "call-outcome";
/** A forgotten prompt must not turn tomorrow's unrelated message into a note. */
export const CALL_DIALOG_TIMEOUT_MS = 20 * 60 * 1000;

export interface CallDialogArgs {
  mode: "reached" | "callback" | "note";
  /** The call, or the client when the card had no open call yet (the outcome then opens an ordinary one). */
  ref: CallRef;
  timezone: string;
  card: CardMessage | null;
}

type CallDialogueTap = TapOf<typeof callDialogueButtons>;

export async function callOutcomeConversation(conversation: Conv, ctx: ConvContext, args: CallDialogArgs): Promise<void> {
  if (args.mode === "note") {
    if ("callId" in args.ref) await askNote(conversation, ctx, args.ref.callId);
    return;
  }

  const cancelKeyboard = new InlineKeyboard().text(ctx.t("call-btn-cancel"), dialogData.cancel);
  const question = args.mode === "reached" ? ctx.t("call-ask-next-date") : ctx.t("call-ask-callback");
  type Typed = Extract<Outcome, { kind: "reached" | "callback" }> | null;
  const answer = await askUntil<Typed, CallDialogueTap>(conversation, ctx, { text: question, keyboard: cancelKeyboard, buttons: callDialogueButtons }, async (a) => {
    if (a.kind === "button") return a.tap?.kind === "cancel" ? { ok: true, value: null } : { ok: false, error: question };
    const now = new Date(await conversation.external((c) => c.deps.clock.now().getTime()));
    const today = localDate(now, args.timezone);
    const limit = addDays(today, 2 * 366);
    if (args.mode === "reached") {
      const date = parseUserDate(a.text, { now, timezone: args.timezone });
      if (!date) return { ok: false, error: ctx.t("call-next-date-invalid", { text: quoteBack(a.text) }) };
      if (date <= today || date > limit) return { ok: false, error: ctx.t("call-next-date-range") };
      return { ok: true, value: { kind: "reached", nextContactOn: date } };
    }
    const parsed = parseUserDateTime(a.text, { now, timezone: args.timezone });
    if (!parsed) return { ok: false, error: ctx.t("call-callback-invalid", { text: quoteBack(a.text) }) };
    const nowTime = formatTime(now.getTime(), args.timezone);
    if (parsed.date < today || (parsed.date === today && parsed.time !== null && parsed.time <= nowTime) || parsed.date > limit) {
      return { ok: false, error: ctx.t("call-callback-range") };
    }
    return { ok: true, value: { kind: "callback", date: parsed.date, time: parsed.time } };
  });
  const done = answer.ctx;
  if (answer.value === null) {
    await done.reply(done.t("call-dialog-cancelled"));
    return;
  }
  const outcome = answer.value;
  const result = await conversation.external(async (c) => {
    const r = recordOutcome(c.deps.db, { ref: args.ref, actorId: c.actor.member?.id ?? -1, outcome, now: c.deps.clock.now(), ...outcomeHooks(c) });
    await afterOutcome(c, r, args.card);
    return r.ok ? { ok: true as const, callId: r.callId } : { ok: false as const, reason: r.reason };
  });
  if (!result.ok) {
    await done.reply(done.t(refusalKey(result.reason)));
    return;
  }
  if (outcome.kind === "callback") {
    const today = localDate(new Date(await conversation.external((c) => c.deps.clock.now().getTime())), args.timezone);
    await done.reply(done.t("call-outcome-callback", { date: formatDayWithWeekday(outcome.date, done.actor.locale, today), time: outcome.time ?? "none" }));
    return;
  }
  await askNote(conversation, done, result.callId);
}

/** "Anything to note?" — a typed note, or Skip. */
async function askNote(conversation: Conv, ctx: ConvContext, callId: number): Promise<void> {
  const starterId = ctx.from!.id;
  const skip = new InlineKeyboard().text(ctx.t("call-btn-skip"), dialogData.skip);
  await ctx.reply(ctx.t("call-ask-note"), { reply_markup: skip });
  for (;;) {
    const answer = await waitAnswer(conversation, starterId, callDialogueButtons);
    if (answer.kind === "button") {
      await answer.ctx.editMessageReplyMarkup().catch(() => undefined);
      if (answer.tap !== null) {
        await answer.ctx.reply(answer.ctx.t("call-note-skipped"));
        return;
      }
      continue;
    }
    if (answer.text.length > MAX_NOTE_LENGTH) {
      await answer.ctx.reply(answer.ctx.t("call-note-too-long", { max: MAX_NOTE_LENGTH }), { reply_markup: skip });
      continue;
    }
    const saved = await conversation.external((c) =>
      addCallNote(c.deps.db, { callId, actorId: c.actor.member?.id ?? -1, note: answer.text, now: c.deps.clock.now() }),
    );
    await answer.ctx.reply(answer.ctx.t(saved === "saved" ? "call-note-saved" : "call-toast-forbidden"));
    return;
  }
}
