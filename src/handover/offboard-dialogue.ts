// /offboard: who is leaving, on which terms, their last day, what is at stake — then one tap creates the
// handover and posts its checklist. Also the small typed-input dialogue the checklist needs (skip
// reason, due date, the interview, template wording).
//
// Both dialogues listen only to the person who started them (ask.ts) and pass everything else on. A lead
// who types /offboard again (or taps "New handover") restarts their open dialogue instead of opening a
// second one beside it; an input dialogue switches task when its owner taps another input button.
import type { TapOf } from "../bot/callback-data.js";
import { leaverStarLine, type StarLine } from "../stars/star-index.js";
import { renderLeaverStarLine } from "../stars/views.js";
import { InlineKeyboard } from "grammy";
import { distinctLabels } from "../bot/picker-labels.js";
import type { Terms } from "../db/schema.js";
import { addDays, localDate } from "../platform/calendar.js";
import { checkStepAction, MAX_SKIP_REASON, setStepDue, skipStep } from "./checklist.js";
import { ASAP_OFFSET, editTemplate, MAX_STEP_TITLE, parseOffset, templateStep } from "./checklist-template.js";
import { parseUserDate } from "../platform/date-input.js";
import { formatDay, stepTitle } from "./handover-texts.js";
import { atStake, checkLeaver, leaverCandidates, MAX_DAYS_AHEAD, startHandover, type AtStake, type LeaverNotes } from "./handovers.js";
import { getTeam, teamOfGroup } from "../team/teams.js";
import { accessRefusalKey, handoverAccess, postChecklistMessage, refreshChecklistMessage } from "./checklist-view.js";
import type { ConvContext } from "../bot/context.js";
import type { Locale } from "../bot/i18n.js";
import { checklistInputButtons, chk, inputTaskOf, type InputAnswerTap, type InputTask } from "./checklist-keyboards.js";
import { renderTemplateMenu } from "./checklist-template-keyboards.js";
import { off, offboardDialogueButtons } from "./keyboards.js";
import { waitAnswer, type Answer, type Conv } from "../bot/dialogues/ask.js";
import { interviewLoop } from "./interview-dialogue.js";
import { hasVisibleText, quoteBack } from "../bot/dialogues/text-input.js";
import { continueInPrivate, inGroup } from "../bot/group-policy.js";
import { askText } from "../bot/dialogues/group-question.js";

export const offboardConversationId = "offboard";
export const checklistInputId = "checklist-input";

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
    (i) => [shown[i]!.username ? `@${shown[i]!.username}` : null],
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
    if (member.role !== "lead") return { ok: false as const, error: "lead-only" };
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
    .text(`${ctx.t("offboard-day-today")}, ${formatDay(today, locale, today)}`, off.day(today))
    .text(`${ctx.t("offboard-day-tomorrow")}, ${formatDay(tomorrow, locale, today)}`, off.day(tomorrow));
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
      await a.ctx.reply(ctx.t("offboard-day-too-far", { date: formatDay(day, locale, today) }), { reply_markup: dayKb });
      continue;
    }
    if (day < today && !confirmed) {
      await a.ctx.reply(ctx.t("offboard-day-past", { date: formatDay(day, locale, today) }), {
        reply_markup: new InlineKeyboard().text(ctx.t("offboard-day-past-yes", { date: formatDay(day, locale, today) }), off.pastYes(day)).text(ctx.t("offboard-day-past-no"), off.pastNo()),
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
  await last.reply(atStakeText(ctx, { name: leaver.name, notes: leaver.notes, terms, lastDay, stake, locale, today, star }), { reply_markup: confirmKb });
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
      await postChecklistMessage(c.api, c.deps.db, c.i18nInstance, result.handoverId, chatId, { now });
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
      await last.reply(ctx.t(created.reason === "self_only_lead" ? "offboard-self-only-lead" : created.reason === "not_lead" ? "lead-only" : "offboard-who-gone"));
    }
    return;
  }
  if (!created.posted) await last.reply(ctx.t("offboard-checklist-not-posted"));
  else if (chatId !== ctx.chat!.id) await last.reply(ctx.t("offboard-checklist-in-group"));
}

function atStakeText(
  ctx: ConvContext,
  v: { name: string; notes: LeaverNotes; terms: Terms; lastDay: string; stake: AtStake; locale: Locale; today: string; star: StarLine | null },
): string {
  const { stake } = v;
  const lines = [ctx.t("offboard-stake-title", { name: v.name }), ctx.t("offboard-stake-terms", { terms: v.terms, date: formatDay(v.lastDay, v.locale, v.today) }), ""];
  if (stake.clients.total === 0) lines.push(ctx.t("offboard-stake-no-clients", { name: v.name }));
  else {
    lines.push(ctx.t("offboard-stake-clients", { total: stake.clients.total, hot: stake.clients.hot, warm: stake.clients.warm, cold: stake.clients.cold }));
    if (v.star) lines.push(renderLeaverStarLine(ctx.t, v.star));
    lines.push(
      stake.commitments.open === 0
        ? ctx.t("offboard-stake-no-commitments")
        : ctx.t("offboard-stake-commitments", { open: stake.commitments.open, documents: stake.commitments.documents, promises: stake.commitments.promises, deadlines: stake.commitments.deadlines }),
    );
    if (stake.soonTotal > 0) {
      lines.push(ctx.t("offboard-stake-soon", { count: stake.soonTotal }));
      for (const s of stake.soon) lines.push(ctx.t("offboard-stake-soon-line", { date: formatDay(s.dueOn, v.locale, v.today), client: s.client, text: s.text.slice(0, 120), kind: s.kind }));
      if (stake.soonTotal > stake.soon.length) lines.push(ctx.t("offboard-stake-more", { count: stake.soonTotal - stake.soon.length }));
    }
    lines.push(ctx.t("offboard-stake-next-contacts", { count: stake.nextContacts.dueSoon }));
    if (stake.commitments.overdue > 0) lines.push(ctx.t("offboard-stake-overdue-commitments", { count: stake.commitments.overdue }));
    if (stake.nextContacts.overdue > 0) lines.push(ctx.t("offboard-stake-overdue-contacts", { count: stake.nextContacts.overdue }));
  }
  const notes: string[] = [];
  if (v.notes.isSelf) notes.push(ctx.t("offboard-note-self"));
  else if (v.notes.isLead) notes.push(ctx.t("offboard-note-lead", { name: v.name }));
  if (v.notes.noOtherManagers && stake.clients.total > 0) notes.push(ctx.t("offboard-note-only-manager", { name: v.name }));
  if (stake.clients.total === 0) notes.push(ctx.t("offboard-note-no-clients"));
  if (notes.length > 0) lines.push("", ...notes);
  lines.push("", ctx.t("offboard-stake-confirm", { name: v.name }));
  return lines.join("\n");
}

// --- The checklist's typed-input dialogue ------------------------------------------------------------

/** Thrown when the owner taps another input button: the dialogue switches to that task. */
class Switch {
  constructor(
    readonly task: InputTask,
    readonly ctx: ConvContext,
  ) {}
}

/** A typed text, or a tap on one of the dialogue's answers (`tap` null: not an answer this dialogue wrote). */
export type InputAnswer = { kind: "button"; tap: InputAnswerTap | null; ctx: ConvContext } | { kind: "text"; text: string; ctx: ConvContext };

async function inputAnswer(conversation: Conv, starterId: number): Promise<InputAnswer> {
  const a = await waitAnswer(conversation, starterId, checklistInputButtons);
  if (a.kind === "text" || a.tap === null) return a.kind === "text" ? a : { ...a, tap: null };
  const task = inputTaskOf(a.tap);
  if (task) throw new Switch(task, a.ctx);
  return { ...a, tap: a.tap as InputAnswerTap };
}

export async function checklistInputConversation(conversation: Conv, ctx: ConvContext, task: InputTask): Promise<void> {
  let current = { task, ctx };
  for (;;) {
    try {
      await runInputTask(conversation, current.ctx, current.task);
      return;
    } catch (err) {
      if (!(err instanceof Switch)) throw err;
      current = { task: err.task, ctx: err.ctx };
    }
  }
}

async function runInputTask(conversation: Conv, ctx: ConvContext, task: InputTask): Promise<void> {
  const starterId = ctx.from!.id;
  const next = () => inputAnswer(conversation, starterId);
  switch (task.kind) {
    case "skip":
      return askSkipReason(conversation, ctx, task, next);
    case "due":
      return askDueDate(conversation, ctx, task, next);
    case "interview":
      return interviewLoop(conversation, ctx, task.handoverId, next);
    case "template-add":
    case "template-rename":
    case "template-offset":
      return editTemplateText(conversation, ctx, task, next);
  }
}

type Next = () => Promise<InputAnswer>;

/** Checks, outside the replay, that the person may act on this step now; the title for the prompt. */
async function stepForInput(conversation: Conv, task: { handoverId: number; stepId: number }, action: "skip" | "due") {
  return conversation.external((c) => {
    const access = handoverAccess(c.deps.db, c.actor, task.handoverId);
    if (!access.ok) return { ok: false as const, key: accessRefusalKey(access.reason) };
    const check = checkStepAction(c.deps.db, { ...task, action });
    if (!check.ok) return { ok: false as const, key: `checklist-refused-${check.reason}` };
    const team = c.actor.team!;
    const now = c.deps.clock.now();
    return {
      ok: true as const,
      memberId: access.memberId,
      position: check.step.position,
      kind: check.step.kind,
      title: check.step.title,
      lastDay: check.handover.lastDay,
      timezone: team.timezone,
      nowMs: now.getTime(),
    };
  });
}

async function afterChange(conversation: Conv, handoverId: number): Promise<void> {
  await conversation.external(async (c) => {
    await refreshChecklistMessage(c.api, c.deps.db, c.i18nInstance, handoverId, { now: c.deps.clock.now(), log: c.log });
  });
}

async function askSkipReason(conversation: Conv, ctx: ConvContext, task: { handoverId: number; stepId: number }, next: Next): Promise<void> {
  const info = await stepForInput(conversation, task, "skip");
  if (!info.ok) {
    await ctx.reply(ctx.t(info.key));
    return;
  }
  const kb = new InlineKeyboard()
    .text(ctx.t("checklist-reason-not-needed"), chk.answer.reason("na"))
    .text(ctx.t("checklist-reason-outside"), chk.answer.reason("out"))
    .row()
    .text(ctx.t("checklist-button-input-cancel"), chk.answer.cancel());
  await askText(ctx, ctx.t("checklist-ask-skip-reason", { position: info.position, title: stepTitle(ctx.t, info) }), kb, "checklist-skip-placeholder");
  for (;;) {
    const a = await next();
    let reason: string;
    if (a.kind === "button") {
      if (a.tap?.kind === "cancel") {
        await a.ctx.reply(ctx.t("checklist-input-cancelled"));
        return;
      }
      if (a.tap?.kind === "reason") reason = ctx.t(a.tap.reason === "na" ? "checklist-reason-not-needed" : "checklist-reason-outside");
      else {
        await a.ctx.reply(ctx.t("checklist-ask-skip-reason-again"), { reply_markup: kb });
        continue;
      }
    } else reason = a.text;
    if (reason.trim().length < 2 || reason.length > MAX_SKIP_REASON || !hasVisibleText(reason)) {
      await askText(a.ctx, ctx.t("checklist-skip-reason-invalid", { max: MAX_SKIP_REASON }), kb, "checklist-skip-placeholder");
      continue;
    }
    const result = await conversation.external((c) => skipStep(c.deps.db, { ...task, actorId: info.memberId, reason, now: c.deps.clock.now() }));
    await afterChange(conversation, task.handoverId);
    await a.ctx.reply(result.ok ? ctx.t(result.closed ? "checklist-toast-closed" : "checklist-skipped", { position: info.position }) : ctx.t(`checklist-refused-${result.reason}`));
    return;
  }
}

async function askDueDate(conversation: Conv, ctx: ConvContext, task: { handoverId: number; stepId: number }, next: Next): Promise<void> {
  const info = await stepForInput(conversation, task, "due");
  if (!info.ok) {
    await ctx.reply(ctx.t(info.key));
    return;
  }
  const locale = (ctx.actor?.locale ?? "ru") as Locale;
  const today = localDate(new Date(info.nowMs), info.timezone);
  const tomorrow = addDays(today, 1);
  const kb = new InlineKeyboard()
    .text(`${ctx.t("offboard-day-today")}, ${formatDay(today, locale, today)}`, chk.answer.day(today))
    .text(`${ctx.t("offboard-day-tomorrow")}, ${formatDay(tomorrow, locale, today)}`, chk.answer.day(tomorrow))
    .row();
  if (info.lastDay > tomorrow) kb.text(`${ctx.t("checklist-due-last-day")}, ${formatDay(info.lastDay, locale, today)}`, chk.answer.day(info.lastDay)).row();
  kb.text(ctx.t("checklist-button-input-cancel"), chk.answer.cancel());
  await askText(ctx, ctx.t("checklist-ask-due", { position: info.position, title: stepTitle(ctx.t, info) }), kb, "checklist-due-placeholder");
  for (;;) {
    const a = await next();
    let day: string | null = null;
    if (a.kind === "button") {
      if (a.tap?.kind === "cancel") {
        await a.ctx.reply(ctx.t("checklist-input-cancelled"));
        return;
      }
      day = a.tap?.kind === "day" ? a.tap.day : null;
      // Button data is never trusted: only a day the same text typed would give (no 31.11, no year 9999).
      if (day && parseUserDate(day, { now: new Date(info.nowMs), timezone: info.timezone }) !== day) day = null;
      if (!day) {
        await a.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: kb });
        continue;
      }
    } else {
      day = parseUserDate(a.text, { now: new Date(info.nowMs), timezone: info.timezone });
      if (!day) {
        await askText(a.ctx, ctx.t("checklist-due-unparsed", { text: quoteBack(a.text) }), kb, "checklist-due-placeholder");
        continue;
      }
    }
    if (!day) continue;
    if (day < today) {
      await askText(a.ctx, ctx.t("checklist-due-past", { date: formatDay(day, locale, today) }), kb, "checklist-due-placeholder");
      continue;
    }
    if (day > addDays(today, MAX_DAYS_AHEAD)) {
      await a.ctx.reply(ctx.t("offboard-day-too-far", { date: formatDay(day, locale, today) }), { reply_markup: kb });
      continue;
    }
    const chosen = day;
    const result = await conversation.external((c) => setStepDue(c.deps.db, { ...task, actorId: info.memberId, dueOn: chosen, now: c.deps.clock.now() }));
    await afterChange(conversation, task.handoverId);
    await a.ctx.reply(result.ok ? ctx.t("checklist-due-set", { position: info.position, date: formatDay(chosen, locale, today) }) : ctx.t(`checklist-refused-${result.reason}`));
    return;
  }
}

async function editTemplateText(
  conversation: Conv,
  ctx: ConvContext,
  task: Extract<InputTask, { kind: "template-add" | "template-rename" | "template-offset" }>,
  next: Next,
): Promise<void> {
  const info = await conversation.external((c) => {
    const { member, team } = c.actor;
    if (!member || !team) return { ok: false as const, key: "not-member" };
    if (member.role !== "lead") return { ok: false as const, key: "lead-only" };
    const step = "stepId" in task ? templateStep(c.deps.db, team.id, task.stepId) : null;
    if ("stepId" in task && !step) return { ok: false as const, key: "button-stale" };
    return { ok: true as const, teamId: team.id, memberId: member.id, step };
  });
  if (!info.ok) {
    await ctx.reply(ctx.t(info.key));
    return;
  }
  const cancelRow = new InlineKeyboard().text(ctx.t("checklist-button-input-cancel"), chk.answer.cancel());
  const ask = async (prompt: string, kb: InlineKeyboard, accept: (a: InputAnswer) => { ok: true; value: string | number | null } | { ok: false; error: string }) => {
    await ctx.reply(prompt + groupHint(ctx), { reply_markup: kb });
    for (;;) {
      const a = await next();
      if (a.kind === "button" && a.tap?.kind === "cancel") {
        await a.ctx.reply(ctx.t("checklist-input-cancelled"));
        return { cancelled: true as const };
      }
      const r = accept(a);
      if (r.ok) return { cancelled: false as const, value: r.value, ctx: a.ctx };
      await a.ctx.reply(r.error, { reply_markup: kb });
    }
  };
  const acceptTitle = (a: InputAnswer) => {
    if (a.kind === "button" && a.tap?.kind === "defaultWording") return { ok: true as const, value: null };
    if (a.kind !== "text") return { ok: false as const, error: ctx.t("checklist-template-title-invalid", { max: MAX_STEP_TITLE }) };
    const title = a.text.replace(/\s+/g, " ").trim();
    if (title.length < 2 || title.length > MAX_STEP_TITLE) return { ok: false as const, error: ctx.t("checklist-template-title-invalid", { max: MAX_STEP_TITLE }) };
    return { ok: true as const, value: title };
  };
  const offsetKb = new InlineKeyboard()
    .text(ctx.t("checklist-offset-button-asap"), chk.answer.offset(ASAP_OFFSET))
    .text("−1", chk.answer.offset(-1))
    .text("0", chk.answer.offset(0))
    .text("+1", chk.answer.offset(1))
    .text("+7", chk.answer.offset(7))
    .row()
    .text(ctx.t("checklist-button-input-cancel"), chk.answer.cancel());
  const acceptOffset = (a: InputAnswer) => {
    const n = a.kind === "button" ? (a.tap?.kind === "offset" ? a.tap.days : null) : parseOffset(a.text);
    return n === null ? { ok: false as const, error: ctx.t("checklist-template-offset-invalid") } : { ok: true as const, value: n };
  };

  let edit: Parameters<typeof editTemplate>[1]["edit"];
  let last = ctx;
  if (task.kind === "template-add") {
    const title = await ask(ctx.t("checklist-template-ask-title"), cancelRow, acceptTitle);
    if (title.cancelled) return;
    const offset = await ask(ctx.t("checklist-template-ask-offset"), offsetKb, acceptOffset);
    if (offset.cancelled) return;
    if (title.value === null) return;
    edit = { op: "add", title: String(title.value), offsetDays: Number(offset.value) };
    last = offset.ctx;
  } else if (task.kind === "template-rename") {
    const kb = new InlineKeyboard();
    if (info.step && info.step.kind !== "custom") kb.text(ctx.t("checklist-template-button-default-wording"), chk.answer.defaultWording()).row();
    kb.text(ctx.t("checklist-button-input-cancel"), chk.answer.cancel());
    const title = await ask(ctx.t("checklist-template-ask-rename", { title: stepTitle(ctx.t, info.step!) }), kb, acceptTitle);
    if (title.cancelled) return;
    edit = { op: "rename", stepId: task.stepId, title: title.value === null ? null : String(title.value) };
    last = title.ctx;
  } else {
    const offset = await ask(ctx.t("checklist-template-ask-offset"), offsetKb, acceptOffset);
    if (offset.cancelled) return;
    edit = { op: "offset", stepId: task.stepId, offsetDays: Number(offset.value) };
    last = offset.ctx;
  }
  const chosen = edit;
  const result = await conversation.external((c) => editTemplate(c.deps.db, { teamId: info.teamId, actorId: info.memberId, edit: chosen, now: c.deps.clock.now() }));
  if (!result.ok) {
    await last.reply(ctx.t(`checklist-template-refused-${result.reason}`));
    return;
  }
  const menu = renderTemplateMenu(ctx.t, result.steps);
  await last.reply(ctx.t("checklist-template-saved") + "\n\n" + menu.text, { reply_markup: menu.keyboard });
}
