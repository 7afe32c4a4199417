// Every scheduled job, by name (the names `npm run job -- <name>` accepts).
import { planDailyDigests } from "./daily-digest.js";
import { checklistNag } from "./checklist-nag.js";
import { deadlineNag } from "./deadline-nag.js";
import type { JobDefinition } from "./nag-common.js";
import { overdueCallsNag } from "./overdue-calls-nag.js";
import { unassignedNag } from "./unassigned-nag.js";
import { unreachableNag } from "./unreachable-nag.js";
import { weeklyPicture } from "../reports/charts/weekly-job.js";
import { destarringPlan } from "../stars/jobs.js";

/** Each manager's list for the day (the calls work plans it; the scheduler runs it). */
export const dailyDigest: JobDefinition = {
  name: "daily-digest",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run: (deps, team, now) => planDailyDigests(deps, team, now),
};

/**
 * In this order within a tick: the week's second-voice touches first, then the digest, so a person's day
 * starts with their list (touches planned this morning included).
 */
export const jobs: readonly JobDefinition[] = [destarringPlan, dailyDigest, unassignedNag, deadlineNag, overdueCallsNag, checklistNag, unreachableNag, weeklyPicture];

/** The nags alone (what the nags bench plans). */
export const nagJobs: readonly JobDefinition[] = [unassignedNag, deadlineNag, overdueCallsNag, checklistNag, unreachableNag];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((j) => j.name === name);
}

export const jobNames = (): string[] => jobs.map((j) => j.name);
