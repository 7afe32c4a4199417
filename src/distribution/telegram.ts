// The distribution table: /distribute (the unassigned pool), the checklist's "redistribute" button
// (`dist:h:<handoverId>`) and the nags' "distribute now" (`dist:start`). Lead only. Apply, Take them
// myself, Cancel and Undo are one tap each; Adjust edits the table in place (exclude a manager) or opens
// a short dialogue for what must be typed (how many clients to move, part of a client's name or phone).
import { Composer, GrammyError } from "grammy";
import { cancelProposal, excludeManager } from "./adjust.js";
import { applyInSteps } from "./apply.js";
import { eligibleManagers, excludedManagers, getProposalView, proposeForHandover, proposeForPool } from "./propose.js";
import { distributionHeader } from "./queries.js";
import type { ApplyResult, DistributionHeader } from "./types.js";
import { undoDistribution } from "./undo.js";
import { CALLS_PER_STEP, followUpInSteps } from "./followup.js";
import type { BotContext } from "../bot/context.js";
import { distributeAdjustId, type AdjustArgs } from "./adjust-dialogue.js";
import { distributionNotifier } from "./notices.js";
import { renderTable } from "./views.js";
import { requireClientAccess } from "../bot/guards.js";
import { escapeHtml } from "../platform/html.js";
import { formatCount } from "../platform/format/count.js";
import { adjustKeyboard, appliedKeyboard, distButtons, excludeKeyboard, MAX_MANAGER_BUTTONS, tableKeyboard, type DistTap } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";

export const distributionFeature = new Composer<BotContext>();

distributionFeature.command("distribute", async (ctx) => {
  const membership = await requireClientAccess(ctx, "write", true);
  if (!membership) return;
  const result = proposeForPool(ctx.deps.db, { teamId: membership.team.id, actorId: membership.member.id, now: ctx.deps.clock.now() });
  if (!result.ok) return ctx.reply(ctx.t("dist-pool-empty"));
  ctx.log.info({ distributionId: result.view.distributionId, clients: result.view.clientCount }, "distribution proposed");
  return ctx.reply(renderTable(ctx.t, result.view), { reply_markup: tableKeyboard(ctx.t, result.view) });
});

// Buttons of the Adjust dialogue (`dist:c:`) belong to it; a stale one falls through to "unhandled".
onButton(distributionFeature, distButtons, async (ctx, tap) => {
  const membership = await requireClientAccess(ctx, "write", true);
  if (!membership) return;
  return handleTap(ctx, tap, membership.team.id, membership.member.id);
});

async function handleTap(ctx: BotContext, tap: DistTap, teamId: number, actorId: number) {
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();

  if (tap.kind === "handover" || tap.kind === "start") {
    const result =
      tap.kind === "handover"
        ? proposeForHandover(db, { teamId, handoverId: tap.handoverId, actorId, now })
        : proposeForPool(db, { teamId, actorId, now });
    if (!result.ok) {
      const key =
        result.reason === "handover_not_found"
          ? "button-stale"
          : result.reason === "handover_not_active"
            ? "dist-toast-handover-closed"
            : tap.kind === "handover"
              ? "dist-toast-handover-nothing"
              : "dist-pool-empty";
      return ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: key !== "button-stale" });
    }
    ctx.log.info({ distributionId: result.view.distributionId, clients: result.view.clientCount }, "distribution proposed");
    await ctx.answerCallbackQuery();
    return ctx.reply(renderTable(ctx.t, result.view), { reply_markup: tableKeyboard(ctx.t, result.view) });
  }

  // Apply, Cancel and Undo need no table: a 50,000-client one costs tens of milliseconds to count.
  const head = distributionHeader(db, tap.id, teamId);
  if (!head) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });

  switch (tap.kind) {
    case "apply":
    case "mine": {
      // In steps, the event loop free in between: other people's taps are answered meanwhile.
      let result: ApplyResult;
      try {
        result = await applyInSteps(db, { distributionId: head.distributionId, teamId, actorId, now, mine: tap.kind === "mine" });
      } catch (err) {
        // Nothing changed yet: the error boundary answers. Half-way: the scheduler's sweep finishes it.
        if (distributionHeader(db, head.distributionId, teamId)?.status !== "applying") throw err;
        ctx.log.error({ err, distributionId: head.distributionId }, "distribution apply interrupted; the scheduler will finish it");
        await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-apply-interrupted"), show_alert: true });
        return edit(ctx, undefined, null);
      }
      return afterApply(ctx, head, result, tap.kind === "mine");
    }
    case "cancel": {
      const status = cancelProposal(db, { distributionId: head.distributionId, teamId });
      if (status !== "cancelled") return statusToast(ctx, head.status);
      await ctx.answerCallbackQuery();
      return edit(ctx, ctx.t("dist-cancelled"));
    }
    case "undo": {
      const result = undoDistribution(db, { distributionId: head.distributionId, teamId, actorId, now, notifier: distributionNotifier(db, ctx.i18nInstance) });
      if (result.kind === "calls_recorded" || result.kind === "handover_cancelled") {
        const why = result.kind === "calls_recorded" ? "dist-toast-undo-refused" : "dist-toast-undo-handover-cancelled";
        await ctx.answerCallbackQuery({ text: ctx.t(why), show_alert: true });
        return edit(ctx, undefined, null); // the button no longer makes sense
      }
      if (result.kind !== "undone") return statusToast(ctx, head.status);
      ctx.log.info({ distributionId: result.distributionId, returned: result.returned }, "distribution undone");
      await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-undone") });
      await edit(ctx, ctx.t("dist-undone", { count: result.returned }));
      for (const handoverId of result.handoverIds) await refreshChecklistAfter(ctx, handoverId);
      return;
    }
  }

  // Everything below changes or shows an open proposal only.
  if (head.status !== "proposed") return statusToast(ctx, head.status);
  const view = getProposalView(db, head.distributionId, teamId)!;
  switch (tap.kind) {
    case "table":
      await ctx.answerCallbackQuery();
      return edit(ctx, renderTable(ctx.t, view), tableKeyboard(ctx.t, view));
    case "adjust":
      await ctx.answerCallbackQuery();
      return edit(ctx, renderTable(ctx.t, view) + "\n\n" + ctx.t("dist-adjust-hint"), adjustKeyboard(ctx.t, view.distributionId));
    case "excludeMenu": {
      const managers = eligibleManagers(db, view.distributionId, teamId);
      await ctx.answerCallbackQuery();
      const more = managers.length > MAX_MANAGER_BUTTONS ? "\n" + ctx.t("dist-too-many-buttons", { count: managers.length - MAX_MANAGER_BUTTONS }) : "";
      return edit(ctx, ctx.t(managers.length > 0 ? "dist-exclude-ask" : "dist-exclude-nobody") + more, excludeKeyboard(ctx.t, view.distributionId, managers));
    }
    case "exclude": {
      const result = excludeManager(db, { distributionId: view.distributionId, teamId, memberId: tap.memberId, actorId, now });
      if (!result.ok) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      const fresh = getProposalView(db, view.distributionId, teamId)!;
      const name = fresh.excluded.find((e) => e.memberId === tap.memberId)?.name ?? "";
      await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-excluded", { name }) });
      return edit(ctx, renderTable(ctx.t, fresh), tableKeyboard(ctx.t, fresh));
    }
    case "moveMany":
    case "moveOne": {
      await ctx.answerCallbackQuery();
      // The table's buttons go while the dialogue runs; it posts the new table when done.
      await edit(ctx, renderTable(ctx.t, view), null);
      const args: AdjustArgs = { distributionId: view.distributionId, mode: tap.kind === "moveMany" ? "many" : "one" };
      await ctx.conversation.exit(distributeAdjustId);
      await ctx.conversation.enter(distributeAdjustId, args);
      return;
    }
  }
}

async function afterApply(ctx: BotContext, view: DistributionHeader, result: ApplyResult, mine: boolean) {
  const db = ctx.deps.db;
  switch (result.kind) {
    case "applied": {
      ctx.log.info({ distributionId: result.distributionId, moved: result.moved, toPool: result.toPool, owners: result.owners.length }, "distribution applied");
      // A lost toast must not keep the follow-up and the message from happening.
      await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-applied") }).catch((err) => ctx.log.warn({ err }, "could not answer the apply tap"));
      // The lead has the answer; the calls and the new owners' messages are a second transaction. Should it
      // fail, the clients are still moved: the lead sees that, and the scheduler's next tick retries.
      // A big one takes a few seconds more: the table's buttons go now, and the lead sees it is under way.
      if (result.moved > CALLS_PER_STEP) await edit(ctx, appliedText(ctx, view, result, mine, 0, true), null).catch((err) => ctx.log.warn({ err }, "could not show the apply's progress"));
      let calls = 0;
      try {
        // In steps: other people's taps are answered while the calls are written (the runner handles updates concurrently).
        const followUp = await followUpInSteps(db, { distributionId: result.distributionId, now: ctx.deps.clock.now(), notifier: distributionNotifier(db, ctx.i18nInstance) });
        if (followUp.kind !== "not_applied") calls = followUp.callsScheduled;
      } catch (err) {
        ctx.log.error({ err, distributionId: result.distributionId }, "distribution follow-up failed; the scheduler will finish it");
      }
      await edit(ctx, appliedText(ctx, view, result, mine, calls), appliedKeyboard(ctx.t, result.distributionId));
      for (const handoverId of result.handoverIds) await refreshChecklistAfter(ctx, handoverId);
      return;
    }
    case "stale": {
      // Clients or managers changed since the table was made: plan again and show it, never apply blindly.
      const excluded = excludedManagers(db, view.distributionId, view.teamId);
      const input = { teamId: view.teamId, actorId: ctx.actor.member!.id, now: ctx.deps.clock.now(), excludeMemberIds: excluded };
      const again = view.handoverId !== null ? proposeForHandover(db, { ...input, handoverId: view.handoverId }) : proposeForPool(db, input);
      cancelProposal(db, { distributionId: view.distributionId, teamId: view.teamId });
      await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-stale"), show_alert: true });
      if (!again.ok) return edit(ctx, ctx.t("dist-nothing-left"));
      return edit(ctx, renderTable(ctx.t, again.view, ctx.t("dist-stale-note")), tableKeyboard(ctx.t, again.view));
    }
    case "empty":
      return ctx.answerCallbackQuery({ text: ctx.t("dist-toast-empty"), show_alert: true });
    case "busy":
      return ctx.answerCallbackQuery({ text: ctx.t("dist-toast-busy"), show_alert: true });
    case "handover_not_active":
      await ctx.answerCallbackQuery({ text: ctx.t("dist-toast-handover-closed"), show_alert: true });
      return edit(ctx, undefined, null);
    case "not_proposed":
      return statusToast(ctx, result.status);
    case "not_found":
      return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  }
}

function appliedText(
  ctx: BotContext,
  view: DistributionHeader,
  result: Extract<ApplyResult, { kind: "applied" }>,
  mine: boolean,
  callsScheduled: number,
  followingUp = false,
): string {
  const parts: string[] = [];
  if (mine) parts.push(ctx.t("dist-applied-mine", { count: result.moved }));
  else {
    parts.push(
      view.leaver
        ? ctx.t("dist-applied-handover", { count: result.moved, leaver: view.leaver.name, owners: result.owners.length })
        : ctx.t("dist-applied-pool", { count: result.moved, owners: result.owners.length }),
    );
    parts.push(result.owners.slice(0, 60).map((o) => `• ${escapeHtml(o.name)} — ${formatCount(o.count, ctx.actor.locale)}`).join("\n"));
  }
  const unreachable = result.unreachable.filter((o) => o.memberId !== ctx.actor.member?.id);
  if (unreachable.length > 0) parts.push(ctx.t("dist-applied-unreachable", { names: unreachable.map((o) => o.name).join(", ") }));
  if (result.toPool > 0) parts.push(ctx.t("dist-applied-to-pool", { count: result.toPool }));
  if (callsScheduled > 0) parts.push(ctx.t("dist-applied-calls", { count: callsScheduled }));
  if (result.stepDone) parts.push(ctx.t("dist-applied-step-done"));
  parts.push(ctx.t(followingUp ? "dist-applied-following-up" : "dist-applied-undo-hint"));
  return parts.join("\n\n");
}

function statusToast(ctx: BotContext, status: string) {
  const key =
    status === "applied"
      ? "dist-toast-already-applied"
      : status === "undone"
        ? "dist-toast-already-undone"
        : status === "applying"
          ? "dist-toast-applying"
          : "dist-toast-not-open";
  return ctx.answerCallbackQuery({ text: ctx.t(key) });
}

/**
 * Edits the tapped message: new text (undefined keeps it) and keyboard (null removes it). An identical
 * edit is not an error worth reporting (a double tap on Back, say).
 */
async function edit(ctx: BotContext, text: string | undefined, keyboard?: import("grammy").InlineKeyboard | null) {
  const markup = keyboard === null || keyboard === undefined ? { inline_keyboard: [] } : keyboard;
  try {
    if (text === undefined) await ctx.editMessageReplyMarkup({ reply_markup: markup });
    else await ctx.editMessageText(text, { reply_markup: markup, link_preview_options: { is_disabled: true } });
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
    throw err;
  }
}

/** The handover's checklist message shows the step done (or open again after an undo). */
async function refreshChecklistAfter(ctx: BotContext, handoverId: number): Promise<void> {
  try {
    await ctx.hooks.refreshChecklist(ctx.api, ctx.deps.db, handoverId, { now: ctx.deps.clock.now(), log: ctx.log });
  } catch (err) {
    // The distribution is saved either way; the checklist catches up on its next edit.
    ctx.log.warn({ err, handoverId }, "could not refresh the checklist message");
  }
}
