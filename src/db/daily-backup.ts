// The daily online backup: after the configured hour (in DEFAULT_TIMEZONE), one copy a day next to the
// database; older copies beyond the retention are deleted. The copy's file is the record that it ran, so a
// day missed while the bot was down is made up at the next start.
import cron, { type ScheduledTask } from "node-cron";
import { dailyBackup } from "./backup.js";
import { wallClock } from "../platform/work-time.js";
import { monotonicMs, type Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";

export interface BackupDeps {
  databasePath: string;
  timezone: string;
  backup: { hour: number; keep: number };
  clock: Clock;
  logger: Logger;
}

/** Makes today's copy if it is due and missing; returns whether a copy was made. */
export async function backupIfDue(deps: BackupDeps): Promise<boolean> {
  const { databasePath, backup, logger } = deps;
  if (backup.keep === 0 || databasePath === ":memory:") return false;
  const clock = wallClock(deps.clock.now(), deps.timezone);
  if (clock.hour < backup.hour) return false;
  const started = monotonicMs();
  try {
    const result = await dailyBackup(databasePath, clock.date, backup.keep);
    if (result.made || result.removed.length) {
      logger.info({ job: "daily-backup", day: clock.date, made: result.made, removed: result.removed.length, ms: Math.round(monotonicMs() - started) }, "job run");
    }
    return result.made;
  } catch (err) {
    logger.error({ err, job: "daily-backup" }, "the daily backup failed");
    return false;
  }
}

/** Checks every ten minutes (and once at start). */
export function startDailyBackups(deps: BackupDeps): { stop(): Promise<void> } {
  let running: Promise<unknown> = backupIfDue(deps);
  const task: ScheduledTask = cron.schedule("*/10 * * * *", () => {
    running = running.then(() => backupIfDue(deps));
  });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
