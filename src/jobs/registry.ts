// Every scheduled job, by name (the names `npm run job -- <name>` accepts).
import { planDailyDigests } from "../calls/daily-digest-job.js";
import { checklistNag } from "../nags/checklist-nag-job.js";
import { deadlineNag } from "../nags/deadline-nag-job.js";
import type { JobDefinition, Sweep } from "./types.js";
import { overdueCallsNag } from "../nags/overdue-calls-nag-job.js";
import { unassignedNag } from "../nags/unassigned-nag-job.js";
import { unreachableNag } from "../nags/unreachable-nag-job.js";
import { weeklyPicture } from "../reports/charts/weekly-job.js";
import { destarringPlan } from "../stars/jobs.js";
import { distributionFollowUps } from "../distribution/jobs.js";

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

/** Owed work finished on every tick: distributions whose follow-up a crash or an error interrupted. */
export const everyTick: readonly Sweep[] = [distributionFollowUps];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((j) => j.name === name);
}

export const jobNames = (): string[] => jobs.map((j) => j.name);
