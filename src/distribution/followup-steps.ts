/**
 * The follow-up of a distribution applied by a tap, off the event loop's critical path: the same work as
 * followUpDistribution (distribution-followup.ts), in short transactions with the event loop free in
 * between, so other people's taps are answered while 50,000 calls are written. Crash safety is unchanged:
 * `followed_up_at` is set last; a crash half-way leaves it empty and the scheduler's sweep finishes the
 * rest (calls are never written twice for a client and distribution, messages have dedupe keys).
 */
import type { Db } from "../db/client.js";
import { callCount, distributionRow, appliedNotices, type FollowUpResult } from "./followup.js";
import { voidStaleTouches } from "../stars/plan-touches.js";
import type { DistributionNotifier } from "./distribution.js";
import { planReactivationCalls, writeReactivationCalls } from "../calls/reactivation.js";

/** Calls written per transaction: a chunk stays well under ~50 ms of synchronous work. */
export const CALLS_PER_STEP = 2_000;

/** Distributions being followed up by a tap in this process: the scheduler's sweep leaves them alone. */
export const followUpsInFlight = new Set<number>();

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function followUpInSteps(
  db: Db,
  input: { distributionId: number; now: Date; notifier?: DistributionNotifier; pause?: () => Promise<void> },
): Promise<FollowUpResult> {
  const pause = input.pause ?? nextTurn;
  const id = input.distributionId;
  if (followUpsInFlight.has(id)) return { kind: "already", callsScheduled: callCount(db, id) };
  followUpsInFlight.add(id);
  try {
    const first = distributionRow(db, id);
    if (!first || first.status !== "applied") return { kind: "not_applied" };
    if (first.followedUpAt !== null) return { kind: "already", callsScheduled: callCount(db, id) };

    // Each step checks the distribution is still applied and not followed up (an undo in between stops it).
    const stillOwed = () => {
      const d = distributionRow(db, id);
      return d !== undefined && d.status === "applied" && d.followedUpAt === null;
    };
    const plan = planReactivationCalls(db, { distributionId: id, handoverId: first.handoverId, teamId: first.teamId, now: input.now });
    const common = { teamId: first.teamId, distributionId: id, createdAt: input.now.getTime() };
    for (let i = 0; i < Math.max(plan.merges.length, plan.fresh.length); i += CALLS_PER_STEP) {
      await pause();
      const written = db.transaction((tx) => {
        if (!stillOwed()) return false;
        writeReactivationCalls(tx, plan.merges.slice(i, i + CALLS_PER_STEP), plan.fresh.slice(i, i + CALLS_PER_STEP), common);
        return true;
      });
      if (!written) return stillOwedResult(db, id);
    }
    if (input.notifier) {
      await pause();
      // One owner's message and file per step; the outbox's dedupe keys make a repeat harmless.
      for (const notice of appliedNotices(db, first)) {
        await pause();
        const sent = db.transaction((tx) => {
          if (!stillOwed()) return false;
          input.notifier!.applied(tx, notice, input.now);
          return true;
        });
        if (!sent) return stillOwedResult(db, id);
      }
    }
    await pause();
    const done = db.transaction(() => {
      if (!stillOwed()) return false;
      // A second-voice touch planned for these clients gives way to the reactivation call (de-starring).
      voidStaleTouches(db, first.teamId, input.now);
      db.$client.prepare(`UPDATE distributions SET followed_up_at = ? WHERE id = ?`).run(input.now.getTime(), id);
      return true;
    });
    return done ? { kind: "done", callsScheduled: plan.count } : stillOwedResult(db, id);
  } finally {
    followUpsInFlight.delete(id);
  }
}

/** Why a step found nothing to do: undone meanwhile, or finished by someone else. */
function stillOwedResult(db: Db, id: number): FollowUpResult {
  const d = distributionRow(db, id);
  return d?.status === "applied" ? { kind: "already", callsScheduled: callCount(db, id) } : { kind: "not_applied" };
}
