// Each manager's call list for the day, sent at the team's digest hour. (Owned by the calls work.)
import type { JobDeps, Team } from "./types.js";

/** Enqueues today's digest for every member of the team who has something to do; returns how many. */
export function planDailyDigests(_deps: JobDeps, _team: Team, _now: Date): number {
  return 0;
}
