// The daily online backup: due after the hour in the configured zone, once a day, made up after downtime,
// older copies beyond the retention deleted.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { backupFolder } from "../../src/db/backup.js";
import { createTeam } from "../../src/team/teams.js";
import { backupIfDue } from "../../src/db/daily-backup.js";
import { DEFAULT_START, ManualClock } from "../support/clock.js";

let dir: string;
let databasePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "daily-backup-"));
  databasePath = join(dir, "handover.sqlite");
  const db = openDatabase(databasePath);
  createTeam(db, { name: "Отдел", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "Анна" }, now: new Date(DEFAULT_START) });
  closeDatabase(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const logger = pino({ level: "silent" });
const copies = () => (existsSync(backupFolder(databasePath)) ? readdirSync(backupFolder(databasePath)).filter((f) => f.endsWith(".sqlite")).sort() : []);

describe("the daily backup", () => {
  it("runs once a day after its hour in the configured zone and keeps the newest copies", async () => {
    const clock = new ManualClock("2026-11-23T02:30:00+03:00");
    const deps = { databasePath, timezone: "Europe/Moscow", backup: { hour: 3, keep: 3 }, clock, logger };
    expect(await backupIfDue(deps)).toBe(false); // 02:30 in Moscow: not yet
    clock.set("2026-11-23T03:05:00+03:00");
    expect(await backupIfDue(deps)).toBe(true);
    expect(await backupIfDue(deps)).toBe(false); // today's copy exists
    expect(copies()).toEqual(["handover-2026-11-23.sqlite"]);
    const copy = openDatabase(join(backupFolder(databasePath), "handover-2026-11-23.sqlite"));
    expect(copy.$client.prepare("SELECT name FROM teams").pluck().all()).toEqual(["Отдел"]);
    closeDatabase(copy);

    // Down for three days, back at 11:00: one copy for today, the oldest beyond three deleted.
    for (const day of ["2026-11-24", "2026-11-25", "2026-11-28"]) {
      clock.set(`${day}T11:00:00+03:00`);
      expect(await backupIfDue(deps)).toBe(true);
    }
    expect(copies()).toEqual(["handover-2026-11-24.sqlite", "handover-2026-11-25.sqlite", "handover-2026-11-28.sqlite"]);
  });

  it("is off with zero copies to keep", async () => {
    const clock = new ManualClock("2026-11-23T12:00:00+03:00");
    expect(await backupIfDue({ databasePath, timezone: "Europe/Moscow", backup: { hour: 3, keep: 0 }, clock, logger })).toBe(false);
    expect(copies()).toEqual([]);
  });
});
