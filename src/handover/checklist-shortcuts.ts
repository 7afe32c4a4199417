// Fewer taps for the lead: steps the bot can tell are done close themselves (the interview when the
// leaver sends the form or the lead finishes typing it), and a run of consecutive manual steps with one
// responsible person is confirmed with one tap ("✅ 1–2 сделаны"). The same audit and final check as a
// step confirmed one by one (checklist.ts).
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { checklistSteps } from "../db/schema.js";
import { recordAudit } from "../db/audit.js";
import { getHandover, reevaluateFinalCheck, stepsOf, type Step, type StepChangeResult } from "./checklist.js";
import { isVerifiedKind } from "./checklist-template.js";

export interface StepRun {
  from: number;
  to: number;
  stepIds: number[];
}

/**
 * The first run of open manual steps in checklist order: consecutive among the open steps, one
 * responsible person, up to the first step the bot verifies or that closes itself (the interview).
 */
export function firstManualRun(steps: Pick<Step, "id" | "position" | "kind" | "status" | "responsibleId">[]): StepRun | null {
  const open = steps.filter((s) => s.status === "open").sort((a, b) => a.position - b.position);
  const manual = (s: (typeof open)[number]) => !isVerifiedKind(s.kind) && s.kind !== "interview" && s.responsibleId !== null;
  const start = open.findIndex(manual);
  if (start < 0) return null;
  const run = [open[start]!];
  for (const s of open.slice(start + 1)) {
    if (!manual(s) || s.responsibleId !== run[0]!.responsibleId) break;
    run.push(s);
  }
  return { from: run[0]!.position, to: run.at(-1)!.position, stepIds: run.map((s) => s.id) };
}

/** Confirms the run the lead saw (positions from..to); refused when the checklist changed since. */
export function completeStepRun(db: Db, input: { handoverId: number; from: number; to: number; actorId: number; now: Date }): StepChangeResult & { count?: number } {
  return db.transaction((tx) => {
    const handover = getHandover(tx, input.handoverId);
    if (!handover) return { ok: false, reason: "not_found" };
    if (handover.status !== "active") return { ok: false, reason: "not_active" };
    const run = firstManualRun(stepsOf(tx, handover.id));
    if (!run || run.from !== input.from || run.to !== input.to) return { ok: false, reason: "not_open" };
    for (const stepId of run.stepIds) {
      tx.update(checklistSteps).set({ status: "done", completedAt: input.now.getTime(), completedById: input.actorId }).where(eq(checklistSteps.id, stepId)).run();
      const kind = stepsOf(tx, handover.id).find((s) => s.id === stepId)!.kind;
      recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: input.actorId, action: "step_done", details: { stepId, kind }, now: input.now });
    }
    return { ok: true, closed: reevaluateFinalCheck(tx, { handoverId: handover.id, now: input.now }), count: run.stepIds.length };
  });
}

/**
 * The interview is done when the leaver sends the form or the lead finishes typing: its step closes
 * itself (inside the caller's transaction). Idempotent; true when it closed just now.
 */
export function completeInterviewStep(tx: DbOrTx, input: { handoverId: number; actorId: number | null; now: Date }): boolean {
  const handover = getHandover(tx, input.handoverId);
  if (!handover || handover.status !== "active") return false;
  const done = tx
    .update(checklistSteps)
    .set({ status: "done", completedAt: input.now.getTime(), completedById: input.actorId })
    .where(and(eq(checklistSteps.handoverId, handover.id), eq(checklistSteps.kind, "interview"), eq(checklistSteps.status, "open")))
    .returning({ id: checklistSteps.id })
    .all();
  if (done.length === 0) return false;
  recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: input.actorId, action: "step_auto_done", details: { stepId: done[0]!.id, kind: "interview" }, now: input.now });
  reevaluateFinalCheck(tx, { handoverId: handover.id, now: input.now });
  return true;
}
