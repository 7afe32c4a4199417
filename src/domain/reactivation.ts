// Reactivation calls created by a distribution. (Owned by the calls work; the signatures below are what
// the distribution flow calls inside its apply/undo transactions.)
import { and, eq, ne, or, gt, sql } from "drizzle-orm";
import { calls } from "../db/schema.js";
import type { DbOrTx } from "../outbox/outbox.js";

/** Schedules one reactivation call per client moved by the distribution. Returns how many. */
export function scheduleReactivationCalls(
  _tx: DbOrTx,
  _input: { distributionId: number; handoverId: number | null; teamId: number; now: Date },
): number {
  return 0;
}

/** True once any call of the distribution has an outcome or an attempt: from then on it cannot be undone. */
export function hasRecordedCalls(tx: DbOrTx, distributionId: number): boolean {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.distributionId, distributionId), or(ne(calls.status, "open"), gt(calls.attempts, 0))))
    .get();
  return (row?.n ?? 0) > 0;
}

/** Cancels the open calls of an undone distribution. */
export function cancelReactivationCalls(tx: DbOrTx, distributionId: number): number {
  return tx
    .update(calls)
    .set({ status: "cancelled" })
    .where(and(eq(calls.distributionId, distributionId), eq(calls.status, "open")))
    .returning({ id: calls.id })
    .all().length;
}
