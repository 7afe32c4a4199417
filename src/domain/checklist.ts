// Checklist rules shared by the /offboard flow, distribution and calls. (Owned by the /offboard work;
// the signatures below are what other features call.)
import { and, eq } from "drizzle-orm";
import { checklistSteps } from "../db/schema.js";
import type { DbOrTx } from "../outbox/outbox.js";

/**
 * Completes a step the bot can verify itself (redistribute, reactivation) if it is still open, inside the
 * caller's transaction. Idempotent.
 */
export function markStepDoneAutomatically(
  tx: DbOrTx,
  input: { handoverId: number; kind: "redistribute" | "reactivation" | "final_check"; now: Date },
): boolean {
  const done = tx
    .update(checklistSteps)
    .set({ status: "done", completedAt: input.now.getTime() })
    .where(and(eq(checklistSteps.handoverId, input.handoverId), eq(checklistSteps.kind, input.kind), eq(checklistSteps.status, "open")))
    .returning({ id: checklistSteps.id })
    .all();
  return done.length > 0;
}
