// Finishes what a crash interrupted between a distribution's apply and its follow-up (the reactivation
// calls and the new owners' messages). Runs on every scheduler tick, whatever the hour: a follow-up is
// owed work, not a nag.
import { distributionNotifier } from "../bot/distribution-notices.js";
import { followUpDistribution, pendingFollowUps } from "../domain/distribution-followup.js";
import type { JobDeps } from "./types.js";

/** Returns how many follow-ups it completed. */
export function finishDistributionFollowUps(deps: JobDeps, now: Date): number {
  let done = 0;
  for (const distributionId of pendingFollowUps(deps.db)) {
    try {
      const result = followUpDistribution(deps.db, { distributionId, now, notifier: distributionNotifier(deps.db, deps.i18n) });
      if (result.kind !== "done") continue;
      done++;
      deps.logger.warn({ distributionId, calls: result.callsScheduled }, "finished an interrupted distribution follow-up");
    } catch (err) {
      deps.logger.error({ err, distributionId }, "distribution follow-up failed; will try again next tick");
    }
  }
  return done;
}
