// One cron tick a minute. Per team, in the team's time zone, on its working days and within its working
// hours, each job whose latest slot of today is due and not yet run (job_runs) runs once. A tick is
// idempotent, so the tick at startup is the make-up run: a 09:00 slot missed while the bot was down runs
// when it starts at 11:00 the same day, once; yesterday's never does.
import { eq } from "drizzle-orm";
import cron, { type ScheduledTask } from "node-cron";
import { jobRuns, teams } from "../db/schema.js";
import { isWithinWorkingHours, localDate, localHour, isWorkingDay } from "../domain/calendar.js";
import { calendarOf } from "../domain/nags.js";
import type { Team } from "../domain/teams.js";
import type { JobDefinition, JobSlot } from "./nag-common.js";
import { findJob, jobNames, jobs as allJobs } from "./registry.js";
import type { JobDeps } from "./types.js";

export interface JobRun {
  job: string;
  teamId: number;
  slot: string;
  enqueued: number;
  /** The slot's hour had passed before this run: made up after downtime (or a late team setting). */
  madeUp: boolean;
}

/** After a job fails for a team, the same slot is tried again this much later, not every minute. */
const RETRY_FAILED_AFTER_MS = 15 * 60_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** The slot of `job` that is due for `team` at `now`, or null (not a working day/hour, or no slot yet today). */
export function dueSlot(job: JobDefinition, team: Team, now: Date): (JobSlot & { hour: number }) | null {
  const cal = calendarOf(team);
  const date = localDate(now, team.timezone);
  if (!isWorkingDay(date, cal) || !isWithinWorkingHours(now, cal)) return null;
  const hour = localHour(now, team.timezone);
  let best: { hour: number; kind: JobSlot["kind"] } | null = null;
  for (const slot of job.slots(team)) if (slot.hour <= hour && (best === null || slot.hour > best.hour)) best = slot;
  return best ? { key: `${date}T${pad(best.hour)}`, kind: best.kind, hour: best.hour } : null;
}

export interface Scheduler {
  /** Runs whatever is due at `now`; synchronous, safe to call as often as you like. */
  tick(now?: Date): JobRun[];
  /** Starts the minute cron (with a make-up tick first). */
  start(): void;
  stop(): void;
}

export function createScheduler(deps: JobDeps, jobs: readonly JobDefinition[] = allJobs): Scheduler {
  const { db, logger } = deps;
  const failures = new Map<string, number>();
  let task: ScheduledTask | null = null;

  function tick(now: Date = deps.clock.now()): JobRun[] {
    const lastSlots = new Map(db.select().from(jobRuns).all().map((r) => [`${r.job}:${r.teamId}`, r.lastSlot]));
    const runs: JobRun[] = [];
    for (const team of db.select().from(teams).all()) {
      for (const job of jobs) {
        const id = `${job.name}:${team.id}`;
        let slot: ReturnType<typeof dueSlot>;
        try {
          slot = dueSlot(job, team, now);
        } catch (err) {
          logger.error({ err, job: job.name, teamId: team.id }, "cannot work out the team's schedule");
          continue;
        }
        if (!slot) continue;
        const last = lastSlots.get(id);
        if (last !== undefined && last >= slot.key) continue;
        const failedAt = failures.get(`${id}:${slot.key}`);
        if (failedAt !== undefined && now.getTime() - failedAt < RETRY_FAILED_AFTER_MS) continue;
        try {
          // The messages and the record of the run commit together: a crash means "not run", never "half sent".
          const enqueued = db.transaction(() => {
            const n = job.run(deps, team, now, slot);
            db.insert(jobRuns)
              .values({ job: job.name, teamId: team.id, lastSlot: slot.key, ranAt: now.getTime() })
              .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.teamId], set: { lastSlot: slot.key, ranAt: now.getTime() } })
              .run();
            return n;
          });
          failures.delete(`${id}:${slot.key}`);
          const run = { job: job.name, teamId: team.id, slot: slot.key, enqueued, madeUp: slot.hour < localHour(now, team.timezone) };
          runs.push(run);
          logger.info(run, run.madeUp ? "job made up" : "job ran");
        } catch (err) {
          failures.set(`${id}:${slot.key}`, now.getTime());
          logger.error({ err, job: job.name, teamId: team.id, slot: slot.key }, "job failed; will try again later");
        }
      }
    }
    return runs;
  }

  return {
    tick,
    start() {
      if (task) return;
      tick();
      task = cron.schedule("* * * * *", () => void tick(), { name: "handover-bot-jobs", noOverlap: true });
    },
    stop() {
      void task?.stop();
      task = null;
    },
  };
}

export class UnknownJobError extends Error {
  constructor(readonly job: string) {
    super(`unknown job "${job}"; jobs: ${jobNames().join(", ")}`);
  }
}

/**
 * Runs one job now, for every team or one, whatever the hour (an operator's or a test's run). Its slot is
 * the current local hour, so two runs within the same hour send once; job_runs is left alone.
 */
export function runJobNow(deps: JobDeps, name: string, options: { teamId?: number; now?: Date } = {}): { teams: number; enqueued: number } {
  const job = findJob(name);
  if (!job) throw new UnknownJobError(name);
  const now = options.now ?? deps.clock.now();
  const list = options.teamId === undefined ? deps.db.select().from(teams).all() : deps.db.select().from(teams).where(eq(teams.id, options.teamId)).all();
  let enqueued = 0;
  for (const team of list) {
    const slot: JobSlot = { key: `${localDate(now, team.timezone)}T${pad(localHour(now, team.timezone))}`, kind: "manual" };
    enqueued += deps.db.transaction(() => job.run(deps, team, now, slot));
  }
  return { teams: list.length, enqueued };
}
