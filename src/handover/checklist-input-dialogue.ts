// The checklist's typed-input dialogue: a skip reason, a due date, the interview (interview-dialogue.ts),
// a template step's wording or offset. It listens only to the person who tapped and switches task when
// they tap another input button.
import { InlineKeyboard } from "grammy";
import { addDays, localDate } from "../platform/calendar.js";
import { checkStepAction, MAX_SKIP_REASON, setStepDue, skipStep } from "./checklist.js";
import { ASAP_OFFSET, editTemplate, MAX_STEP_TITLE, parseOffset, templateStep } from "./checklist-template.js";
import { parseUserDate } from "../platform/date-input.js";
import { stepTitle } from "./views.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { MAX_DAYS_AHEAD } from "./handovers.js";
import { accessRefusalKey, handoverAccess } from "./checklist-data.js";
import { refreshChecklistMessage } from "./checklist-message-telegram.js";
import type { ConvContext } from "../bot/context.js";
import type { Locale } from "../platform/locale.js";
import { checklistInputButtons, chk, inputTaskOf, type InputAnswer, type InputAnswerTap, type InputTask } from "./checklist-keyboards.js";
import { renderTemplateMenu } from "./checklist-template-keyboards.js";
import { waitAnswer, type Conv } from "../bot/dialogues/ask.js";
import { interviewLoop } from "./interview-dialogue.js";
import { hasVisibleText, quoteBack } from "../bot/dialogues/text-input.js";
import { askText } from "../bot/dialogues/group-question.js";
import { groupHint } from "./offboard-dialogue.js";
import { leadOnlyKey } from "../bot/guards.js";

export const checklistInputId = "checklist-input";

/** Thrown when the owner taps another input button: the dialogue switches to that task. */
class Switch {
  constructor(
    readonly task: InputTask,
    readonly ctx: ConvContext,
  ) {}
}

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
    await refreshChecklistMessage(c.api, c.deps.db, handoverId, { now: c.deps.clock.now(), log: c.log });
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
    .text(`${ctx.t("offboard-day-today")}, ${formatDayWithWeekday(today, locale, today)}`, chk.answer.day(today))
    .text(`${ctx.t("offboard-day-tomorrow")}, ${formatDayWithWeekday(tomorrow, locale, today)}`, chk.answer.day(tomorrow))
    .row();
  if (info.lastDay > tomorrow) kb.text(`${ctx.t("checklist-due-last-day")}, ${formatDayWithWeekday(info.lastDay, locale, today)}`, chk.answer.day(info.lastDay)).row();
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
      await askText(a.ctx, ctx.t("checklist-due-past", { date: formatDayWithWeekday(day, locale, today) }), kb, "checklist-due-placeholder");
      continue;
    }
    if (day > addDays(today, MAX_DAYS_AHEAD)) {
      await a.ctx.reply(ctx.t("offboard-day-too-far", { date: formatDayWithWeekday(day, locale, today) }), { reply_markup: kb });
      continue;
    }
    const chosen = day;
    const result = await conversation.external((c) => setStepDue(c.deps.db, { ...task, actorId: info.memberId, dueOn: chosen, now: c.deps.clock.now() }));
    await afterChange(conversation, task.handoverId);
    await a.ctx.reply(result.ok ? ctx.t("checklist-due-set", { position: info.position, date: formatDayWithWeekday(chosen, locale, today) }) : ctx.t(`checklist-refused-${result.reason}`));
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
    if (member.role !== "lead") return { ok: false as const, key: leadOnlyKey(c.actor, false) };
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
