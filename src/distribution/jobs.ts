// Finishes what a crash or an error interrupted: a distribution left half-applied ('applying') and the
// follow-up of an applied one (the reactivation calls and the new owners' messages). Runs on every
// scheduler tick, whatever the hour, the make-up tick at start included: this is owed work, not a nag.
import { distributionNotifier } from "./notices.js";
import { finishApply, pendingApplies } from "./apply.js";
import { followUpDistribution, pendingFollowUps } from "./followup.js";
import { distributionsInFlight } from "./steps.js";
import type { JobDeps } from "../jobs/types.js";

/** A finish that failed is tried again this much later, not every minute. */
export const RETRY_FOLLOW_UP_AFTER_MS = 15 * 60_000;

/** Returns the sweep a scheduler runs each tick; it returns how many follow-ups it completed. */
export function distributionFollowUps(deps: JobDeps): (now: Date) => number {
  const failedAt = new Map<string, number>();
  /** Runs `work` unless it failed less than RETRY_FOLLOW_UP_AFTER_MS ago; false when it failed (now or before). */
  const attempt = (key: string, now: Date, work: () => void, failure: string, distributionId: number): boolean => {
    const failed = failedAt.get(key);
    if (failed !== undefined && now.getTime() - failed < RETRY_FOLLOW_UP_AFTER_MS) return false;
    try {
      work();
      failedAt.delete(key);
      return true;
    } catch (err) {
      failedAt.set(key, now.getTime());
      deps.logger.error({ err, distributionId }, failure);
      return false;
    }
  };
  return (now) => {
    let done = 0;
    try {
      // Taps of this process applying or following up right now are not crashed ones.
      for (const distributionId of pendingApplies(deps.db, distributionsInFlight)) {
        attempt(
          `apply:${distributionId}`,
          now,
          () => {
            const result = finishApply(deps.db, distributionId, now);
            if (result.kind === "applied") deps.logger.warn({ distributionId, moved: result.moved }, "finished an interrupted distribution apply");
          },
          "distribution apply could not be finished; will try again later",
          distributionId,
        );
      }
      for (const distributionId of pendingFollowUps(deps.db, distributionsInFlight)) {
        attempt(
          `followUp:${distributionId}`,
          now,
          () => {
            const result = followUpDistribution(deps.db, { distributionId, now, notifier: distributionNotifier(deps.db, deps.i18n) });
            if (result.kind !== "done") return;
            done++;
            deps.logger.warn({ distributionId, calls: result.callsScheduled }, "finished an interrupted distribution follow-up");
          },
          "distribution follow-up failed; will try again later",
          distributionId,
        );
      }
    } catch (err) {
      // Never at the cost of the tick's nags.
      deps.logger.error({ err }, "could not look for pending distribution follow-ups");
    }
    return done;
  };
}
