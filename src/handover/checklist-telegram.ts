// Taps on the checklist message: open a step, Done, Responsible, History, cancel the handover, send the
// leaver the form, correct a recorded commitment; and the entries of the typed-input dialogue (skip
// reason, due date, interview, template wording). Every tap is checked against the database: a lead of
// the handover's team (not the leaver), the handover and step still in the right state.
import { Composer } from "grammy";
import { localDate } from "../platform/calendar.js";
import { checkStepAction, completeStep, setStepResponsible, type StepChangeResult } from "./checklist.js";
import { templateStep } from "./checklist-template.js";
import { completeStepRun } from "./checklist-shortcuts.js";
import { correctHandoverCommitment, handoverCommitment, leaverReachable, queueFormMessage } from "./interview.js";
import { localeOfUser } from "../team/member-locale.js";
import { textsFor } from "../bot/i18n.js";
import { cancelHandover } from "./handovers.js";
import { accessRefusalKey, handoverAccess, loadChecklistHistory, responsibleOptions } from "./checklist-data.js";
import { renderHistory, type ChecklistMode } from "./checklist-view.js";
import { postChecklistMessage, refreshChecklistMessage } from "./checklist-message-telegram.js";
import type { BotContext } from "../bot/context.js";
import { audienceOf } from "../bot/group-policy.js";
import { savedCommitmentMessage } from "./interview-dialogue.js";
import { checklistInputId } from "./checklist-input-dialogue.js";
import { leadOnlyKey, requireLead } from "../bot/guards.js";
import { checklistButtons, checklistInputButtons, commitmentButtons, inputTaskOf } from "./checklist-keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { off } from "./keyboards.js";

export const checklistFeature = new Composer<BotContext>();

/** The handover, if the person tapping may act on it; otherwise a short toast and null. */
async function access(ctx: BotContext, handoverId: number) {
  const result = handoverAccess(ctx.deps.db, ctx.actor, handoverId);
  if (!result.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(result.reason === "not_lead" ? leadOnlyKey(ctx.actor, true) : accessRefusalKey(result.reason)) });
    return null;
  }
  return result;
}

async function refresh(ctx: BotContext, handoverId: number, mode?: ChecklistMode, finalCheckEvaluated = false) {
  await refreshChecklistMessage(ctx.api, ctx.deps.db, handoverId, { now: ctx.deps.clock.now(), log: ctx.log, ...(mode ? { mode } : {}), finalCheckEvaluated });
}

/** After a step change: its transaction re-evaluated the final check (a refusal changed nothing), so the redraw need not. */
async function answerChange(ctx: BotContext, handoverId: number, result: StepChangeResult, okKey: string) {
  await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? (result.closed ? "checklist-toast-closed" : okKey) : `checklist-refused-${result.reason}`) });
  await refresh(ctx, handoverId, undefined, result.ok);
}

onButton(checklistFeature, checklistButtons.open, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  await ctx.answerCallbackQuery();
  await postChecklistMessage(ctx.api, ctx.deps.db, a.handover.id, ctx.chat!.id, { now: ctx.deps.clock.now() });
});

for (const kind of ["back", "refresh"] as const) {
  onButton(checklistFeature, checklistButtons[kind], async (ctx, tap) => {
    const a = await access(ctx, tap.handoverId);
    if (!a) return;
    await ctx.answerCallbackQuery(kind === "refresh" ? { text: ctx.t("checklist-toast-refreshed") } : {});
    await refresh(ctx, a.handover.id);
  });
}

for (const kind of ["step", "responsible"] as const) {
  onButton(checklistFeature, checklistButtons[kind], async (ctx, { handoverId, stepId }) => {
    const a = await access(ctx, handoverId);
    if (!a) return;
    const check = checkStepAction(ctx.deps.db, { handoverId: a.handover.id, stepId, action: "responsible" });
    if (!check.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t(`checklist-refused-${check.reason}`) });
      return refresh(ctx, a.handover.id);
    }
    await ctx.answerCallbackQuery();
    const mode: ChecklistMode = kind === "step" ? { kind: "step", stepId } : { kind: "responsible", stepId, candidates: responsibleOptions(ctx.deps.db, a.handover) };
    await refresh(ctx, a.handover.id, mode);
  });
}

onButton(checklistFeature, checklistButtons.done, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  const result = completeStep(ctx.deps.db, { handoverId: a.handover.id, stepId: tap.stepId, actorId: a.memberId, now: ctx.deps.clock.now() });
  await answerChange(ctx, a.handover.id, result, "checklist-toast-done");
});

onButton(checklistFeature, checklistButtons.runDone, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  const result = completeStepRun(ctx.deps.db, { handoverId: a.handover.id, from: tap.from, to: tap.to, actorId: a.memberId, now: ctx.deps.clock.now() });
  await answerChange(ctx, a.handover.id, result, "checklist-toast-run-done");
});

onButton(checklistFeature, checklistButtons.setResponsible, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  const result = setStepResponsible(ctx.deps.db, {
    handoverId: a.handover.id,
    stepId: tap.stepId,
    memberId: tap.memberId,
    actorId: a.memberId,
    now: ctx.deps.clock.now(),
  });
  await answerChange(ctx, a.handover.id, result, "checklist-toast-responsible");
});

onButton(checklistFeature, checklistButtons.history, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  await ctx.answerCallbackQuery();
  const history = loadChecklistHistory(ctx.deps.db, a.handover.id, tap.page, ctx.deps.clock.now());
  if (!history) return;
  // In the language of the lead who started the handover, as the checklist itself.
  const page = renderHistory(textsFor(history.view.locale), history, audienceOf(ctx.chat!.id));
  // From the checklist: a new message; from a history page: turn the page in place.
  if (ctx.callbackQuery.message && !isChecklist(ctx, a.handover)) {
    const extra = page.keyboard ? { reply_markup: page.keyboard } : {};
    await ctx.editMessageText(page.text, extra).catch(() => ctx.reply(page.text, extra));
    return;
  }
  await ctx.reply(page.text, page.keyboard ? { reply_markup: page.keyboard } : {});
});

function isChecklist(ctx: BotContext, handover: { checklistChatId: number | null; checklistMessageId: number | null }): boolean {
  const m = ctx.callbackQuery?.message;
  return !!m && m.chat.id === handover.checklistChatId && m.message_id === handover.checklistMessageId;
}

onButton(checklistFeature, checklistButtons.cancel, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  if (a.handover.status !== "active") {
    await ctx.answerCallbackQuery({ text: ctx.t("checklist-refused-not_active") });
    return refresh(ctx, a.handover.id);
  }
  await ctx.answerCallbackQuery();
  await refresh(ctx, a.handover.id, { kind: "cancel" });
});

onButton(checklistFeature, checklistButtons.cancelYes, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  const result = cancelHandover(ctx.deps.db, { handoverId: a.handover.id, actorId: a.memberId, now: ctx.deps.clock.now() });
  await ctx.answerCallbackQuery({ text: ctx.t(result === "cancelled" ? "checklist-toast-cancelled" : "checklist-refused-not_active") });
  if (result === "cancelled") ctx.log.info({ handoverId: a.handover.id }, "handover cancelled");
  await refresh(ctx, a.handover.id);
});

onButton(checklistFeature, checklistButtons.form, async (ctx, tap) => {
  const a = await access(ctx, tap.handoverId);
  if (!a) return;
  const db = ctx.deps.db;
  const leaver = leaverReachable(db, a.handover.leaverId);
  if (!leaver.ok || leaver.telegramId === null) return ctx.answerCallbackQuery({ text: ctx.t("checklist-form-unreachable", { name: leaver.name }) });
  const now = ctx.deps.clock.now();
  const lt = textsFor(localeOfUser(db, leaver.telegramId));
  const lead = ctx.actor.member!;
  const result = queueFormMessage(db, {
    handoverId: a.handover.id,
    actorId: a.memberId,
    action: "leaver_form_sent",
    message: {
      chatId: leaver.telegramId,
      memberId: a.handover.leaverId,
      kind: "leaver_form",
      dedupeKey: `leaver-form:${a.handover.id}:${now.getTime()}`,
      text: lt("offboard-form-invite", { lead: lead.name, name: leaver.name }),
      replyMarkup: { inline_keyboard: [[{ text: lt("offboard-form-button-start"), callback_data: off.formStart(a.handover.id, lead.id) }]] },
    },
    now,
  });
  if (result !== "queued") return ctx.answerCallbackQuery({ text: ctx.t("checklist-refused-not_active") });
  await ctx.answerCallbackQuery({ text: ctx.t("checklist-form-sent-toast", { name: leaver.name }) });
  await ctx.reply(ctx.t("checklist-form-sent", { name: leaver.name }));
});

onButton(checklistFeature, commitmentButtons, async (ctx, tap) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  const commitmentId = tap.commitmentId;
  const change = tap.kind === "remove" ? ({ remove: true } as const) : { kind: tap.to };
  const result = correctHandoverCommitment(ctx.deps.db, { commitmentId, teamId: membership.team.id, actorId: membership.member.id, change, now: ctx.deps.clock.now() });
  await ctx.answerCallbackQuery({ text: ctx.t(result === "stale" ? "button-stale" : result === "changed" ? "checklist-commitment-updated" : "checklist-commitment-unchanged") });
  const c = handoverCommitment(ctx.deps.db, commitmentId);
  if (!c || result !== "changed") return;
  const today = localDate(ctx.deps.clock.now(), membership.team.timezone);
  const msg = savedCommitmentMessage(ctx.t, c, ctx.actor.locale, today);
  await ctx.editMessageText(msg.text, { reply_markup: msg.keyboard }).catch(() => undefined);
  if (c.status !== "open") await refresh(ctx, c.handoverId);
});

// Entries of the typed-input dialogue, reached only when no open input dialogue of this person took the
// tap over. Refusals are toasts here; the dialogue checks again at each step.
onButton(checklistFeature, checklistInputButtons, async (ctx, tap, next) => {
  const task = inputTaskOf(tap);
  if (!task) return next();
  if ("handoverId" in task) {
    const a = await access(ctx, task.handoverId);
    if (!a) return;
    if (task.kind === "interview") {
      if (a.handover.status !== "active") return ctx.answerCallbackQuery({ text: ctx.t("checklist-refused-not_active") });
    } else {
      const check = checkStepAction(ctx.deps.db, { handoverId: task.handoverId, stepId: task.stepId, action: task.kind });
      if (!check.ok) {
        await ctx.answerCallbackQuery({ text: ctx.t(`checklist-refused-${check.reason}`) });
        return refresh(ctx, task.handoverId);
      }
    }
  } else {
    const membership = await requireLead(ctx);
    if (!membership) return;
    if ("stepId" in task && !templateStep(ctx.deps.db, membership.team.id, task.stepId)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(checklistInputId); // one open copy of a dialogue per chat
  await ctx.conversation.enter(checklistInputId, task);
});
