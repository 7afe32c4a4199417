// /today, call cards and their outcome buttons, and "log a call" from the client card.
// Telegram in and out only: the rules live in calls/calls.ts and calls/daily-list.ts.
import { Composer } from "grammy";
import { DateTime } from "luxon";
import { addWorkingDays, localDate } from "../platform/calendar.js";
import { recordOutcome, type CallRef, type Outcome } from "./calls.js";
import { callCardState } from "./card-data.js";
import { teamCalendar } from "../platform/work-time.js";
import { dailyListPageOf } from "./daily-list.js";
import { afterOutcome, editCard, outcomeHooks, refusalKey, type CardMessage } from "./outcome-telegram.js";
import { loadCallCard } from "./card-data.js";
import { renderCallCard } from "./card-view.js";
import { formatDay } from "../platform/format/day.js";
import type { BotContext } from "../bot/context.js";
import { callOutcomeId, type CallDialogArgs } from "./outcome-dialogue.js";
import { requireClientAccess } from "../bot/guards.js";
import { callButtons, todayButtons, type DatePick } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { ENTRIES_PER_PAGE, renderDailyList } from "./today-view.js";

export const callsFeature = new Composer<BotContext>();

callsFeature.command("today", async (ctx) => {
  const membership = await requireClientAccess(ctx, "read");
  if (!membership) return;
  if (ctx.chat.type !== "private") return ctx.reply(ctx.t("call-toast-private"));
  return ctx.reply(...todayMessage(ctx, membership.member.id, membership.team.timezone, 0));
});

onButton(callsFeature, todayButtons, async (ctx, tap) => {
  const membership = await requireClientAccess(ctx, "read");
  if (!membership) return;
  await ctx.answerCallbackQuery();
  const [text, options] = todayMessage(ctx, membership.member.id, membership.team.timezone, tap.kind === "page" ? tap.page : 0);
  // "Open my calls" on a nag or digest opens a fresh list; paging edits the list in place.
  if (tap.kind === "show" || !ctx.callbackQuery.message) return ctx.reply(text, options);
  return ctx.editMessageText(text, options).catch((err) => ctx.log.debug({ err }, "today page not edited"));
});

function todayMessage(ctx: BotContext, memberId: number, timezone: string, page: number) {
  const today = localDate(ctx.deps.clock.now(), timezone);
  const list = dailyListPageOf(ctx.deps.db, { memberId, today, page, perPage: ENTRIES_PER_PAGE });
  const view = renderDailyList(ctx.t, ctx.actor.locale, list, { page, title: "today" });
  return [view.text, view.keyboard ? { reply_markup: view.keyboard } : {}] as const;
}

// A finished dialogue's Skip (`call:q:`) decodes to nothing here: "out of date".
onButton(callsFeature, callButtons, async (ctx, tap) => {
  const membership = await requireClientAccess(ctx, tap.kind === "open" || tap.kind === "log" ? "read" : "write");
  if (!membership) return;
  const { member, team } = membership;
  const message = ctx.callbackQuery.message;
  const card: CardMessage | null = message ? { chatId: message.chat.id, messageId: message.message_id } : null;
  const now = ctx.deps.clock.now();
  const { db } = ctx.deps;

  if (tap.kind === "open" || tap.kind === "log") {
    if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("call-toast-private") });
    const ref: CallRef = tap.kind === "open" ? tap.ref : { clientId: tap.clientId };
    const loaded = loadCallCard(db, { ref, viewerId: member.id, now, t: ctx.t, locale: ctx.actor.locale });
    if (typeof loaded === "string") return ctx.answerCallbackQuery({ text: ctx.t(refusalKey(loaded)) });
    const rendered = renderCallCard(ctx.t, ctx.actor.locale, loaded);
    await ctx.answerCallbackQuery();
    return ctx.reply(rendered.text, rendered.keyboard ? { reply_markup: rendered.keyboard } : {});
  }

  const record = async (outcome: Outcome) => {
    const result = recordOutcome(db, { ref: tap.ref, actorId: member.id, outcome, now, ...outcomeHooks(ctx) });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(result.reason)) });
      if (card && (result.reason === "resolved" || result.reason === "stale")) await editCard(ctx, card, { callId: result.callId });
      return null;
    }
    ctx.log.info({ callId: result.callId, outcome: outcome.kind }, "call outcome recorded");
    return result;
  };
  const enterDialog = async (args: CallDialogArgs) => {
    // One typed question at a time in this chat: the newest card wins.
    await ctx.conversation.exit(callOutcomeId);
    await ctx.conversation.enter(callOutcomeId, args);
  };

  // An outcome tapped on the card: recordOutcome checks, in its transaction, everything a look at the card
  // would (the call still open, the tapper allowed, a leaver not), and a refusal gets the same toast.
  if (tap.kind === "action" && tap.action === "no_answer") {
    const result = await record(tap.attempts === undefined ? { kind: "no_answer" } : { kind: "no_answer", attemptsSeen: tap.attempts });
    if (!result) return;
    await ctx.answerCallbackQuery({ text: ctx.t("call-toast-moved", { date: formatDay(result.dueOn, ctx.actor.locale, localDate(now, team.timezone)) }) });
    if (card) await editCard(ctx, card, { callId: result.callId });
    return;
  }
  if ((tap.kind === "pick" && tap.pick !== "typed") || tap.kind === "reason") {
    const outcome: Outcome = tap.kind === "reason" ? { kind: "lost", reason: tap.reason } : { kind: "reached", nextContactOn: quickPick(tap.pick as Exclude<DatePick, "typed">, now, team) };
    const result = await record(outcome);
    if (!result) return;
    await ctx.answerCallbackQuery({ text: ctx.t("call-toast-saved") });
    await afterOutcome(ctx, result, card);
    return enterDialog({ mode: "note", ref: { callId: result.callId }, timezone: team.timezone, card });
  }

  // The other taps change what the card shows or ask a question: check it is still open and the tapper may
  // act before anything else (without drawing it: the card is drawn once, as it is after the tap).
  const current = callCardState(db, { ref: tap.ref, viewerId: member.id });
  if (typeof current === "string") return ctx.answerCallbackQuery({ text: ctx.t(refusalKey(current)) });
  if (!current.open) {
    await ctx.answerCallbackQuery({ text: ctx.t("call-toast-resolved") });
    if (card) await editCard(ctx, card, current.ref);
    return;
  }
  if (!current.canRecord) return ctx.answerCallbackQuery({ text: ctx.t("call-toast-forbidden") });

  if (tap.kind === "action" && (tap.action === "reached" || tap.action === "lost" || tap.action === "back")) {
    const mode = tap.action === "back" ? "main" : tap.action;
    await ctx.answerCallbackQuery(mode === "main" ? {} : { text: ctx.t(mode === "reached" ? "call-pick-next" : "call-pick-reason") });
    if (card) await editCard(ctx, card, current.ref, mode);
    return;
  }
  // Call back at…, or a next contact typed: the date (and time) are asked for.
  await ctx.answerCallbackQuery();
  return enterDialog({ mode: tap.kind === "pick" ? "reached" : "callback", ref: current.ref, timezone: team.timezone, card });
});

/** +1 week / +1 month / +3 / +6 months from today, moved off a day off onto the next working day. */
function quickPick(pick: Exclude<DatePick, "typed">, now: Date, team: NonNullable<BotContext["actor"]["team"]>): string {
  const today = DateTime.fromISO(localDate(now, team.timezone), { zone: "utc" });
  const target = pick === "w1" ? today.plus({ weeks: 1 }) : today.plus({ months: pick === "m1" ? 1 : pick === "m3" ? 3 : 6 });
  return addWorkingDays(target.toISODate()!, 0, teamCalendar(team));
}
