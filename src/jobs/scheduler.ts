// One cron tick a minute. Per team, in the team's time zone, on its working days and within its working
// hours, each job whose latest slot of today is due and not yet run (job_runs) runs once. A tick is
// idempotent, so the tick at startup is the make-up run: a 09:00 slot missed while the bot was down runs
// when it starts at 11:00 the same day, once; yesterday's never does.
import { eq } from "drizzle-orm";
import cron, { type ScheduledTask } from "node-cron";
import { jobRuns, teams } from "../db/schema.js";
import { monotonicMs } from "../platform/clock.js";
import { teamCalendar, isWorkingTime, wallClock, type WallClock } from "../platform/work-time.js";
import { capabilities } from "../capabilities.js";
import type { JobDefinition, JobDeps, JobSlot, Sweep, Team } from "./types.js";

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
  const clock = wallClock(now, team.timezone);
  return isWorkingTime(clock, teamCalendar(team)) ? latestSlot(job, team, clock) : null;
}

/** The latest of the job's slots at or before the team's current hour, today. */
function latestSlot(job: JobDefinition, team: Team, clock: WallClock): (JobSlot & { hour: number }) | null {
  let best: { hour: number; kind: JobSlot["kind"] } | null = null;
  for (const slot of job.slots(team)) if (slot.hour <= clock.hour && (best === null || slot.hour > best.hour)) best = slot;
  return best ? { key: `${clock.date}T${pad(best.hour)}`, kind: best.kind, hour: best.hour } : null;
}

export interface Scheduler {
  /** Runs whatever is due at `now`; synchronous, safe to call as often as you like. */
  tick(now?: Date): JobRun[];
  /** The same, yielding to the event loop between teams so updates keep flowing (what cron calls). */
  tickAsync(now?: Date): Promise<JobRun[]>;
  /** Starts the minute cron, with a make-up tick first. */
  start(): void;
  /** Stops the cron and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Every scheduled job, by name (the names `npm run job -- <name>` accepts), in the order a tick runs them:
 * the capabilities' order in the registry, each capability's own order within it.
 */
const scheduledJobs = (list: readonly { jobs?: readonly JobDefinition[] }[] = capabilities): readonly JobDefinition[] => list.flatMap((c) => c.jobs ?? []);

/** Owed work finished on every tick (distributions whose follow-up a crash or an error interrupted). */
export const everyTick = (list: readonly { sweeps?: readonly Sweep[] }[] = capabilities): readonly Sweep[] => list.flatMap((c) => c.sweeps ?? []);

export function findJob(name: string): JobDefinition | undefined {
  return scheduledJobs().find((j) => j.name === name);
}

export const jobNames = (): string[] => scheduledJobs().map((j) => j.name);

export function createScheduler(deps: JobDeps, jobs: readonly JobDefinition[] = scheduledJobs(), sweeps: readonly Sweep[] = everyTick()): Scheduler {
  const { db, logger } = deps;
  const failures = new Map<string, number>();
  let task: ScheduledTask | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const sweepers = sweeps.map((sweep) => sweep(deps));
  const finishOwedWork = (now: Date) => {
    for (const sweeper of sweepers) sweeper(now);
  };

  function lastSlots(): Map<string, string> {
    return new Map(db.select().from(jobRuns).all().map((r) => [`${r.job}:${r.teamId}`, r.lastSlot]));
  }

  /** Every job due for one team at `now`, each in its own transaction with its job_runs record. */
  function runTeam(team: Team, now: Date, last: Map<string, string>, runs: JobRun[]): void {
    let clock: WallClock;
    try {
      clock = wallClock(now, team.timezone);
      if (!isWorkingTime(clock, teamCalendar(team))) return;
    } catch (err) {
      logger.error({ err, teamId: team.id }, "cannot work out the team's schedule");
      return;
    }
    for (const job of jobs) {
      const id = `${job.name}:${team.id}`;
      const slot = latestSlot(job, team, clock);
      if (!slot) continue;
      const done = last.get(id);
      if (done !== undefined && done >= slot.key) continue;
      const failedAt = failures.get(`${id}:${slot.key}`);
      if (failedAt !== undefined && now.getTime() - failedAt < RETRY_FAILED_AFTER_MS) continue;
      try {
        // The messages and the record of the run commit together: a crash means "not run", never "half sent".
        const started = monotonicMs();
        const enqueued = db.transaction(() => {
          const n = job.run(deps, team, now, slot);
          db.insert(jobRuns)
            .values({ job: job.name, teamId: team.id, lastSlot: slot.key, ranAt: now.getTime() })
            .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.teamId], set: { lastSlot: slot.key, ranAt: now.getTime() } })
            .run();
          return n;
        });
        failures.delete(`${id}:${slot.key}`);
        last.set(id, slot.key);
        const run = { job: job.name, teamId: team.id, slot: slot.key, enqueued, madeUp: slot.hour < clock.hour };
        runs.push(run);
        logger.info({ ...run, ms: Math.round(monotonicMs() - started) }, run.madeUp ? "job made up" : "job ran");
      } catch (err) {
        failures.set(`${id}:${slot.key}`, now.getTime());
        logger.error({ err, job: job.name, teamId: team.id, slot: slot.key }, "job failed; will try again later");
      }
    }
  }

  function tick(now: Date = deps.clock.now()): JobRun[] {
    finishOwedWork(now);
    const last = lastSlots();
    const runs: JobRun[] = [];
    for (const team of db.select().from(teams).all()) runTeam(team, now, last, runs);
    return runs;
  }

  async function tickAsync(now: Date = deps.clock.now()): Promise<JobRun[]> {
    finishOwedWork(now);
    const last = lastSlots();
    const runs: JobRun[] = [];
    for (const team of db.select().from(teams).all()) {
      if (stopped) break;
      runTeam(team, now, last, runs);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return runs;
  }

  /** One tick at a time: a slow one is not overlapped by the next minute's. */
  function scheduledTick(): Promise<unknown> {
    running = running.then(() => tickAsync()).catch((err) => logger.error({ err }, "scheduler tick failed"));
    return running;
  }

  return {
    tick,
    tickAsync,
    start() {
      if (task) return;
      stopped = false;
      void scheduledTick(); // the make-up run for anything missed while the bot was down
      task = cron.schedule("* * * * *", () => {
        void scheduledTick();
      }, { name: "handover-bot-jobs", noOverlap: true });
    },
    async stop() {
      stopped = true;
      await task?.stop();
      task = null;
      await running;
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
    const clock = wallClock(now, team.timezone);
    const slot: JobSlot = { key: `${clock.date}T${pad(clock.hour)}`, kind: "manual" };
    enqueued += deps.db.transaction(() => job.run(deps, team, now, slot));
  }
  return { teams: list.length, enqueued };
}
