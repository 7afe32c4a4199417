// Finishes what a crash or an error interrupted between a distribution's apply and its follow-up (the
// reactivation calls and the new owners' messages). Runs on every scheduler tick, whatever the hour: a
// follow-up is owed work, not a nag.
import { distributionNotifier } from "./notices.js";
import { followUpDistribution, pendingFollowUps } from "./followup.js";
import { followUpsInFlight } from "./followup-steps.js";
import type { JobDeps } from "../jobs/types.js";

/** A follow-up that failed is tried again this much later, not every minute. */
export const RETRY_FOLLOW_UP_AFTER_MS = 15 * 60_000;

/** Returns the sweep a scheduler runs each tick; it returns how many follow-ups it completed. */
export function distributionFollowUps(deps: JobDeps): (now: Date) => number {
  const failedAt = new Map<number, number>();
  return (now) => {
    let done = 0;
    try {
      // A follow-up a tap is running right now (in steps) is not a crashed one.
      for (const distributionId of pendingFollowUps(deps.db, followUpsInFlight)) {
        const failed = failedAt.get(distributionId);
        if (failed !== undefined && now.getTime() - failed < RETRY_FOLLOW_UP_AFTER_MS) continue;
        try {
          const result = followUpDistribution(deps.db, { distributionId, now, notifier: distributionNotifier(deps.db, deps.i18n) });
          failedAt.delete(distributionId);
          if (result.kind !== "done") continue;
          done++;
          deps.logger.warn({ distributionId, calls: result.callsScheduled }, "finished an interrupted distribution follow-up");
        } catch (err) {
          failedAt.set(distributionId, now.getTime());
          deps.logger.error({ err, distributionId }, "distribution follow-up failed; will try again later");
        }
      }
    } catch (err) {
      // Never at the cost of the tick's nags.
      deps.logger.error({ err }, "could not look for pending distribution follow-ups");
    }
    return done;
  };
}
