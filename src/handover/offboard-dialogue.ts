// /offboard: who is leaving, on which terms, their last day, what is at stake (offboard-view.ts) — then one
// tap creates the handover and posts its checklist. The checklist's typed input (skip reason, due date,
// the interview, template wording) is checklist-input-dialogue.ts.
//
// The dialogue listens only to the person who started it (ask.ts) and passes everything else on. A lead
// who types /offboard again (or taps "New handover") restarts their open dialogue instead of opening a
// second one beside it.
import { leaverStarLine } from "../stars/star-index.js";
import { InlineKeyboard } from "grammy";
import { distinctLabels } from "../bot/picker-labels.js";
import type { Terms } from "../db/schema.js";
import { addDays, localDate } from "../platform/calendar.js";
import { parseUserDate } from "../platform/date-input.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { handle } from "../platform/format/name.js";
import { atStake, checkLeaver, leaverCandidates, MAX_DAYS_AHEAD, startHandover, type LeaverNotes } from "./handovers.js";
import { getTeam, teamOfGroup } from "../team/teams.js";
import { postChecklistMessage } from "./checklist-message-telegram.js";
import type { ConvContext } from "../bot/context.js";
import type { Locale } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import { off, offboardDialogueButtons } from "./keyboards.js";
import type { TapOf } from "../bot/callback-data.js";
import { waitAnswer, type Answer, type Conv } from "../bot/dialogues/ask.js";
import { quoteBack } from "../bot/dialogues/text-input.js";
import { continueInPrivate, inGroup } from "../bot/group-policy.js";
import { askText } from "../bot/dialogues/group-question.js";
import { atStakeText } from "./offboard-view.js";
import { leadOnlyKey } from "../bot/guards.js";

export const offboardConversationId = "offboard";

const claimOffboard = (text: string) => /^\/offboard(@\w+)?$/i.test(text.trim());

/** Thrown (and caught at the top) when the starter asks for a fresh start. */
class Restart {
  constructor(readonly ctx: ConvContext) {}
}

/** In a group the bot reads only replies to its messages (privacy mode): say so where text is asked. */
export function groupHint(ctx: ConvContext): string {
  return ctx.chat && ctx.chat.type !== "private" ? `\n\n${ctx.t("offboard-group-reply-hint")}` : "";
}

/**
 * A dialogue started in the group picks the leaver there and goes on in the lead's private chat (terms
 * of departure and what is at stake are not for the group); `preset` carries the leaver over, and
 * `fromGroup` posts the checklist (progress only) back to the team's group.
 */
export interface OffboardPreset {
  leaverId: number;
  fromGroup: boolean;
}

export async function offboardConversation(conversation: Conv, ctx: ConvContext, preset?: OffboardPreset): Promise<void> {
  let current = ctx;
  let carried = preset;
  for (;;) {
    try {
      await offboardDialogue(conversation, current, carried);
      return;
    } catch (err) {
      if (!(err instanceof Restart)) throw err;
      current = err.ctx;
      carried = undefined;
      await current.reply(current.t("offboard-restarted"));
    }
  }
}

type OffboardAnswer = Answer<TapOf<typeof offboardDialogueButtons>>;

async function answer(conversation: Conv, starterId: number): Promise<OffboardAnswer> {
  const a = await waitAnswer(conversation, starterId, offboardDialogueButtons, claimOffboard);
  if ((a.kind === "text" && claimOffboard(a.text)) || (a.kind === "button" && a.tap?.kind === "restart")) throw new Restart(a.ctx);
  return a;
}

type Candidate = ReturnType<typeof leaverCandidates>[number];

function whoKeyboard(ctx: ConvContext, candidates: Candidate[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  const shown = candidates.slice(0, 90);
  const labels = distinctLabels(
    shown.map((c) => {
      const marks = [c.role === "lead" ? ctx.t("offboard-mark-lead") : "", c.nameOnly ? ctx.t("offboard-mark-name-only") : "", c.handoverId ? "⏳" : ""].filter(Boolean);
      return marks.length > 0 ? `${c.name} · ${marks.join(" ")}` : c.name;
    }),
    (i) => [handle(shown[i]!.username)],
  );
  shown.forEach((c, i) => {
    kb.text(labels[i]!, off.who(c.id));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

function normalizeName(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

async function offboardDialogue(conversation: Conv, ctx: ConvContext, preset: OffboardPreset | undefined): Promise<void> {
  const starterId = ctx.from!.id;
  const group = inGroup(ctx);
  const start = await conversation.external((c) => {
    const { member, team } = c.actor;
    if (!member || !team) return { ok: false as const, error: "not-member" };
    if (member.role !== "lead") return { ok: false as const, error: leadOnlyKey(c.actor, false) };
    if (c.chat && c.chat.type !== "private" && teamOfGroup(c.deps.db, c.chat.id)?.id !== team.id) return { ok: false as const, error: "offboard-group-not-linked" };
    const groupChatId = preset?.fromGroup ? (getTeam(c.deps.db, team.id)?.groupChatId ?? null) : null;
    const presetCheck = preset && !group ? checkLeaver(c.deps.db, { teamId: team.id, leaverId: preset.leaverId, starterId: member.id }) : null;
    return { ok: true as const, teamId: team.id, timezone: team.timezone, memberId: member.id, candidates: leaverCandidates(c.deps.db, team.id), groupChatId, presetCheck };
  });
  if (!start.ok) {
    await ctx.reply(ctx.t(start.error));
    return;
  }
  const { teamId, timezone, memberId, candidates, presetCheck } = start;
  // The checklist goes where the dialogue began: the group it was started in, or this private chat.
  const chatId = start.groupChatId ?? ctx.chat!.id;
  if (candidates.every((c) => c.id === memberId)) {
    await ctx.reply(ctx.t("offboard-nobody"));
    return;
  }

  // 1. Who is leaving (carried over from the group, or asked here).
  const whoKb = whoKeyboard(ctx, candidates);
  let leaver: { id: number; name: string; notes: LeaverNotes } | null = presetCheck?.ok ? { id: presetCheck.leaver.id, name: presetCheck.leaver.name, notes: presetCheck.notes } : null;
  if (!leaver) {
    await askText(ctx, ctx.t("offboard-ask-who", { count: candidates.length }) + (candidates.length > 90 ? `\n${ctx.t("offboard-type-name")}` : ""), whoKb, "offboard-who-placeholder");
  }
  let last = ctx;
  while (!leaver) {
    const a = await answer(conversation, starterId);
    last = a.ctx;
    let id: number | null = null;
    if (a.kind === "button") {
      if (a.tap?.kind === "who") id = a.tap.memberId;
    } else {
      const q = normalizeName(a.text);
      const found = candidates.filter((c) => normalizeName(c.name).includes(q));
      const exact = found.filter((c) => normalizeName(c.name) === q);
      if (exact.length === 1) id = exact[0]!.id;
      else if (found.length === 1) id = found[0]!.id;
      else {
        await askText(a.ctx, ctx.t(found.length === 0 ? "offboard-who-unknown" : "offboard-who-ambiguous", { name: quoteBack(a.text) }), whoKb, "offboard-who-placeholder");
        continue;
      }
    }
    if (id === null) {
      await a.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: whoKb });
      continue;
    }
    const leaverId = id;
    const check = await conversation.external((c) => checkLeaver(c.deps.db, { teamId, leaverId, starterId: memberId }));
    if (check.ok && group) {
      // Terms of departure and what is at stake are not for the group: the rest goes on in private.
      await conversation.external((c) => continueInPrivate(c, { key: "offboard-continue-private", vars: { name: check.leaver.name }, buttonData: off.go(check.leaver.id, true), buttonLabelKey: "offboard-continue-button" }));
      return;
    }
    if (check.ok) {
      leaver = { id: check.leaver.id, name: check.leaver.name, notes: check.notes };
    } else if (check.reason === "already") {
      await a.ctx.reply(ctx.t("offboard-already", { name: check.name }), { reply_markup: new InlineKeyboard().text(ctx.t("offboard-button-open-checklist"), chk.open(check.handoverId)) });
    } else {
      await a.ctx.reply(ctx.t(check.reason === "self_only_lead" ? "offboard-self-only-lead" : "offboard-who-gone"), { reply_markup: whoKb });
    }
  }

  // 2. On which terms.
  const termsKb = new InlineKeyboard().text(ctx.t("offboard-terms-good"), off.terms("good")).text(ctx.t("offboard-terms-bad"), off.terms("bad"));
  await last.reply(ctx.t("offboard-ask-terms", { name: leaver.name }), { reply_markup: termsKb });
  let terms: Terms | null = null;
  while (!terms) {
    const a = await answer(conversation, starterId);
    last = a.ctx;
    if (a.kind === "button" && a.tap?.kind === "terms") terms = a.tap.terms;
    else await a.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: termsKb });
  }

  // 3. The last working day, in the team's time zone.
  const nowMs = await conversation.external((c) => c.deps.clock.now().getTime());
  const today = localDate(new Date(nowMs), timezone);
  const tomorrow = addDays(today, 1);
  const locale = (ctx.actor?.locale ?? "ru") as Locale;
  const dayKb = new InlineKeyboard()
    .text(`${ctx.t("offboard-day-today")}, ${formatDayWithWeekday(today, locale, today)}`, off.day(today))
    .text(`${ctx.t("offboard-day-tomorrow")}, ${formatDayWithWeekday(tomorrow, locale, today)}`, off.day(tomorrow));
  await last.reply(ctx.t("offboard-ask-last-day", { name: leaver.name }) + groupHint(last), { reply_markup: dayKb });
  let lastDay: string | null = null;
  while (!lastDay) {
    const a = await answer(conversation, starterId);
    last = a.ctx;
    let day: string | null = null;
    let confirmed = false;
    if (a.kind === "button") {
      const tap = a.tap;
      // Button data is never trusted: only a day the same text typed would give (no 31.02, no year 1).
      if ((tap?.kind === "day" || tap?.kind === "pastYes") && parseUserDate(tap.day, { now: new Date(nowMs), timezone }) === tap.day) {
        day = tap.day;
        confirmed = tap.kind === "pastYes";
      } else if (tap?.kind === "pastNo") {
        await a.ctx.reply(ctx.t("offboard-ask-last-day-again") + groupHint(a.ctx), { reply_markup: dayKb });
        continue;
      }
    } else {
      day = parseUserDate(a.text, { now: new Date(nowMs), timezone });
      if (!day) {
        await a.ctx.reply(ctx.t("offboard-day-unparsed", { text: quoteBack(a.text) }) + groupHint(a.ctx), { reply_markup: dayKb });
        continue;
      }
    }
    if (!day) {
      await a.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: dayKb });
      continue;
    }
    if (day > addDays(today, MAX_DAYS_AHEAD)) {
      await a.ctx.reply(ctx.t("offboard-day-too-far", { date: formatDayWithWeekday(day, locale, today) }), { reply_markup: dayKb });
      continue;
    }
    if (day < today && !confirmed) {
      await a.ctx.reply(ctx.t("offboard-day-past", { date: formatDayWithWeekday(day, locale, today) }), {
        reply_markup: new InlineKeyboard().text(ctx.t("offboard-day-past-yes", { date: formatDayWithWeekday(day, locale, today) }), off.pastYes(day)).text(ctx.t("offboard-day-past-no"), off.pastNo()),
      });
      continue;
    }
    lastDay = day;
  }

  // 4. What is at stake.
  const leaverId = leaver.id;
  const stake = await conversation.external((c) => atStake(c.deps.db, { teamId, leaverId, today }));
  const star = await conversation.external((c) => leaverStarLine(c.deps.db, teamId, leaverId, c.deps.clock.now()));
  const confirmKb = new InlineKeyboard().text(ctx.t("offboard-button-confirm"), off.confirm()).text(ctx.t("offboard-button-abort"), off.abort());
  await last.reply(atStakeText(ctx.t, { name: leaver.name, notes: leaver.notes, terms, lastDay, stake, locale, today, star }), { reply_markup: confirmKb });
  for (;;) {
    const a = await answer(conversation, starterId);
    last = a.ctx;
    if (a.kind === "button" && a.tap?.kind === "abort") {
      await a.ctx.reply(ctx.t("offboard-aborted"));
      return;
    }
    if (a.kind === "button" && a.tap?.kind === "confirm") break;
    await a.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: confirmKb });
  }

  // 5. Create the handover and post its checklist.
  const chosenTerms = terms;
  const chosenDay = lastDay;
  const created = await conversation.external(async (c) => {
    const now = c.deps.clock.now();
    const result = startHandover(c.deps.db, { teamId, leaverId, startedById: memberId, terms: chosenTerms, lastDay: chosenDay, today: localDate(now, timezone), now });
    if (!result.ok) return result;
    c.log.info({ handoverId: result.handoverId, leaverId, noClients: result.noClients }, "handover started");
    try {
      await postChecklistMessage(c.api, c.deps.db, result.handoverId, chatId, { now });
      return { ...result, posted: true };
    } catch (err) {
      c.log.warn({ err, handoverId: result.handoverId }, "could not post the checklist");
      return { ...result, posted: false };
    }
  });
  if (!created.ok) {
    if (created.reason === "already") {
      await last.reply(ctx.t("offboard-already", { name: created.name }), { reply_markup: new InlineKeyboard().text(ctx.t("offboard-button-open-checklist"), chk.open(created.handoverId)) });
    } else {
      await last.reply(ctx.t(created.reason === "self_only_lead" ? "offboard-self-only-lead" : created.reason === "not_lead" ? leadOnlyKey(last.actor, false) : "offboard-who-gone"));
    }
    return;
  }
  if (!created.posted) await last.reply(ctx.t("offboard-checklist-not-posted"));
  else if (chatId !== ctx.chat!.id) await last.reply(ctx.t("offboard-checklist-in-group"));
}
