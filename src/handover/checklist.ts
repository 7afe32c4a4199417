// Checklist rules shared by the /offboard flow, distribution and calls.
//
// Every change of a step goes through this module, writes the audit log in the same transaction, and
// re-evaluates the final check: when every other step is done or skipped, the leaver owns no active
// client and no client of the handover waits in the unassigned pool, the final step completes, the
// handover closes (the leaver becomes 'left') and the lead who started it gets a summary via the outbox.
//
// Skipping: any step the bot cannot verify may be skipped with a reason. Of the verified ones,
// `reactivation` may be skipped with a reason (a lead may decide not to call); `redistribute` may be
// skipped only once no client is left with the leaver or unassigned — the whole point of the product is
// that no client is left behind; `final_check` is never skipped.
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { checklistSteps, handovers, members } from "../db/schema.js";
import { recordAudit } from "../db/audit.js";
import { checklistStatements } from "./checklist-statements.js";
import { isVerifiedKind } from "./checklist-template.js";
import { enqueueHandoverSummary } from "./notices.js";

export type Step = typeof checklistSteps.$inferSelect;
export type Handover = typeof handovers.$inferSelect;

export const MAX_SKIP_REASON = 500;

export function getHandover(db: DbOrTx, handoverId: number): Handover | null {
  return checklistStatements(db).handoverById.get({ id: handoverId }) ?? null;
}

export function stepsOf(db: DbOrTx, handoverId: number): Step[] {
  return checklistStatements(db).stepsOf.all({ handoverId });
}

/**
 * Clients the handover is still responsible for: the leaver's active clients, and active clients of the
 * handover sitting in the unassigned pool (left there by the leaver, moved back by an undone
 * distribution of this handover, or come from it: clients.origin_handover_id).
 */
export function handoverClientCounts(db: DbOrTx, handover: Pick<Handover, "id" | "teamId" | "leaverId">): { ownedByLeaver: number; unassigned: number } {
  const q = checklistStatements(db);
  const owned = q.ownedByLeaver.get({ teamId: handover.teamId, leaverId: handover.leaverId })?.n ?? 0;
  const unassigned = q.unassignedOfHandover.get({ teamId: handover.teamId, leaverId: handover.leaverId, handoverId: handover.id })?.n ?? 0;
  return { ownedByLeaver: owned, unassigned };
}

/**
 * Completes a step the bot can verify itself (redistribute, reactivation) if it is still open, inside the
 * caller's transaction, with an audit entry; then re-evaluates the final check (which may close the
 * handover). Idempotent. `final_check` is never forced: asking for it only re-evaluates the rule.
 */
export function markStepDoneAutomatically(
  tx: DbOrTx,
  input: { handoverId: number; kind: "redistribute" | "reactivation" | "final_check"; now: Date },
): boolean {
  const handover = getHandover(tx, input.handoverId);
  if (!handover || handover.status !== "active") return false;
  if (input.kind === "final_check") return reevaluateFinalCheck(tx, { handoverId: input.handoverId, now: input.now });
  const done = tx
    .update(checklistSteps)
    .set({ status: "done", completedAt: input.now.getTime(), completedById: null })
    .where(and(eq(checklistSteps.handoverId, input.handoverId), eq(checklistSteps.kind, input.kind), eq(checklistSteps.status, "open")))
    .returning({ id: checklistSteps.id })
    .all();
  if (done.length === 0) return false;
  recordAudit(tx, {
    teamId: handover.teamId,
    handoverId: handover.id,
    actorId: null,
    action: "step_auto_done",
    details: { stepId: done[0]!.id, kind: input.kind },
    now: input.now,
  });
  reevaluateFinalCheck(tx, { handoverId: input.handoverId, now: input.now });
  return true;
}

/**
 * Opens again a verified step the bot had completed (an undone distribution puts the clients back in
 * the pool). Only while the handover is active; a skipped step stays skipped. Idempotent.
 */
export function reopenStepAutomatically(tx: DbOrTx, input: { handoverId: number; kind: "redistribute" | "reactivation"; now: Date }): boolean {
  const handover = getHandover(tx, input.handoverId);
  if (!handover || handover.status !== "active") return false;
  const reopened = tx
    .update(checklistSteps)
    .set({ status: "open", completedAt: null, completedById: null })
    .where(and(eq(checklistSteps.handoverId, input.handoverId), eq(checklistSteps.kind, input.kind), eq(checklistSteps.status, "done")))
    .returning({ id: checklistSteps.id })
    .all();
  if (reopened.length === 0) return false;
  recordAudit(tx, {
    teamId: handover.teamId,
    handoverId: handover.id,
    actorId: null,
    action: "step_auto_reopened",
    details: { stepId: reopened[0]!.id, kind: input.kind },
    now: input.now,
  });
  return true;
}

/** Closes the handover when its rule holds. Returns true when it closed just now. */
export function reevaluateFinalCheck(tx: DbOrTx, input: { handoverId: number; now: Date }): boolean {
  const handover = getHandover(tx, input.handoverId);
  if (!handover || handover.status !== "active") return false;
  const steps = stepsOf(tx, handover.id);
  const others = steps.filter((s) => s.kind !== "final_check");
  if (others.some((s) => s.status === "open")) return false;
  const counts = handoverClientCounts(tx, handover);
  if (counts.ownedByLeaver > 0 || counts.unassigned > 0) return false;

  const at = input.now.getTime();
  const final = steps.find((s) => s.kind === "final_check" && s.status === "open");
  if (final) {
    tx.update(checklistSteps).set({ status: "done", completedAt: at, completedById: null }).where(eq(checklistSteps.id, final.id)).run();
    recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: null, action: "step_auto_done", details: { stepId: final.id, kind: "final_check" }, now: input.now });
  }
  tx.update(handovers).set({ status: "closed", closedAt: at }).where(eq(handovers.id, handover.id)).run();
  tx.update(members).set({ status: "left" }).where(and(eq(members.id, handover.leaverId), eq(members.status, "departing"))).run();
  recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: null, action: "handover_closed", now: input.now });
  enqueueHandoverSummary(tx, handover.id, input.now);
  return true;
}

export type StepAction = "done" | "skip" | "responsible" | "due";
export type StepRefusal = "not_found" | "not_active" | "not_open" | "verified" | "clients_left" | "final";

/** Whether a lead may do `action` on the step now; the same rule the buttons and the dialogues use. */
export function checkStepAction(db: DbOrTx, input: { handoverId: number; stepId: number; action: StepAction }): { ok: true; step: Step; handover: Handover } | { ok: false; reason: StepRefusal } {
  const handover = getHandover(db, input.handoverId);
  if (!handover) return { ok: false, reason: "not_found" };
  const step = checklistStatements(db).stepOf.get({ stepId: input.stepId, handoverId: handover.id });
  if (!step) return { ok: false, reason: "not_found" };
  if (handover.status !== "active") return { ok: false, reason: "not_active" };
  if (step.status !== "open") return { ok: false, reason: "not_open" };
  if (input.action === "done" && isVerifiedKind(step.kind)) return { ok: false, reason: "verified" };
  if (input.action === "skip") {
    if (step.kind === "final_check") return { ok: false, reason: "final" };
    if (step.kind === "redistribute") {
      const counts = handoverClientCounts(db, handover);
      if (counts.ownedByLeaver > 0 || counts.unassigned > 0) return { ok: false, reason: "clients_left" };
    }
  }
  return { ok: true, step, handover };
}

export type StepChangeResult = { ok: true; closed: boolean } | { ok: false; reason: StepRefusal | "bad_member" | "bad_reason" | "bad_date" };

/** A lead confirms a step the bot cannot verify. */
export function completeStep(db: Db, input: { handoverId: number; stepId: number; actorId: number; now: Date }): StepChangeResult {
  return db.transaction((tx) => {
    const check = checkStepAction(tx, { ...input, action: "done" });
    if (!check.ok) return check;
    checklistStatements(tx).markStepDone.run(input.now.getTime(), input.actorId, input.stepId);
    recordAudit(tx, { teamId: check.handover.teamId, handoverId: input.handoverId, actorId: input.actorId, action: "step_done", details: { stepId: input.stepId, kind: check.step.kind }, now: input.now });
    return { ok: true, closed: reevaluateFinalCheck(tx, input) };
  });
}

/** A lead skips a step; the reason is required and kept. */
export function skipStep(db: Db, input: { handoverId: number; stepId: number; actorId: number; reason: string; now: Date }): StepChangeResult {
  const reason = input.reason.replace(/\s+/g, " ").trim();
  if (reason.length < 2 || reason.length > MAX_SKIP_REASON) return { ok: false, reason: "bad_reason" };
  return db.transaction((tx) => {
    const check = checkStepAction(tx, { ...input, action: "skip" });
    if (!check.ok) return check;
    tx.update(checklistSteps)
      .set({ status: "skipped", skipReason: reason, completedAt: input.now.getTime(), completedById: input.actorId })
      .where(eq(checklistSteps.id, input.stepId))
      .run();
    recordAudit(tx, {
      teamId: check.handover.teamId,
      handoverId: input.handoverId,
      actorId: input.actorId,
      action: "step_skipped",
      details: { stepId: input.stepId, kind: check.step.kind, reason },
      now: input.now,
    });
    return { ok: true, closed: reevaluateFinalCheck(tx, input) };
  });
}

/** Members who can be made responsible for a step: the team's current people, the leaver excepted. */
export function responsibleCandidates(db: DbOrTx, handover: Pick<Handover, "teamId" | "leaverId">) {
  return db
    .select({ id: members.id, name: members.name, role: members.role, telegramId: members.telegramId })
    .from(members)
    .where(and(eq(members.teamId, handover.teamId), eq(members.status, "active")))
    .orderBy(asc(members.role), asc(members.name), asc(members.id))
    .all()
    .filter((m) => m.id !== handover.leaverId);
}

export function setStepResponsible(db: Db, input: { handoverId: number; stepId: number; actorId: number; memberId: number; now: Date }): StepChangeResult {
  return db.transaction((tx) => {
    const check = checkStepAction(tx, { ...input, action: "responsible" });
    if (!check.ok) return check;
    if (!responsibleCandidates(tx, check.handover).some((m) => m.id === input.memberId)) return { ok: false, reason: "bad_member" };
    tx.update(checklistSteps).set({ responsibleId: input.memberId }).where(eq(checklistSteps.id, input.stepId)).run();
    recordAudit(tx, {
      teamId: check.handover.teamId,
      handoverId: input.handoverId,
      actorId: input.actorId,
      action: "step_responsible",
      details: { stepId: input.stepId, kind: check.step.kind, memberId: input.memberId },
      now: input.now,
    });
    return { ok: true, closed: reevaluateFinalCheck(tx, input) };
  });
}

export function setStepDue(db: Db, input: { handoverId: number; stepId: number; actorId: number; dueOn: string; now: Date }): StepChangeResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn)) return { ok: false, reason: "bad_date" };
  return db.transaction((tx) => {
    const check = checkStepAction(tx, { ...input, action: "due" });
    if (!check.ok) return check;
    tx.update(checklistSteps).set({ dueOn: input.dueOn }).where(eq(checklistSteps.id, input.stepId)).run();
    recordAudit(tx, {
      teamId: check.handover.teamId,
      handoverId: input.handoverId,
      actorId: input.actorId,
      action: "step_due",
      details: { stepId: input.stepId, kind: check.step.kind, from: check.step.dueOn, to: input.dueOn },
      now: input.now,
    });
    return { ok: true, closed: reevaluateFinalCheck(tx, input) };
  });
}

/** The handover's reactivation calls: how many, how many still open (cancelled ones do not count). */
export function reactivationProgress(db: DbOrTx, handoverId: number): { total: number; open: number } {
  const rows = checklistStatements(db).reactivationByStatus.all({ handoverId });
  return { total: rows.reduce((s, r) => s + r.n, 0), open: rows.find((r) => r.status === "open")?.n ?? 0 };
}
