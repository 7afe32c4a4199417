import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, } from "../../src/db/backup.js";
import { openDatabase } from "../../src/db/client.js";
import { createTeam } from "../../src/team/teams.js";
import { DEFAULT_START } from "../support/clock.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("backup", () => {
  it("copies a database that is open and being written to", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-backup-"));
    const live = openDatabase(join(dir, "live.sqlite"));
    createTeam(live, { name: "A", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "Lead" }, now: new Date(DEFAULT_START) });
    const copy = join(dir, "copy.sqlite");
    const writes = (async () => {
      for (let i = 2; i < 50; i++) {
        createTeam(live, { name: `T${i}`, timezone: "Europe/Moscow", founder: { telegramId: i, name: "L" }, now: new Date(DEFAULT_START) });
        await new Promise((r) => setImmediate(r));
      }
    })();
    await backupDatabase(join(dir, "live.sqlite"), copy);
    await writes;
    const restored = new Database(copy, { readonly: true });
    const teams = restored.prepare("select count(*) as n from teams").get() as { n: number };
    expect(teams.n).toBeGreaterThanOrEqual(1);
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
    live.$client.close();
  });

  it("refuses to overwrite an existing file", async () => {
    dir = mkdtempSync(join(tmpdir(), "handover-backup-"));
    const live = openDatabase(join(dir, "live.sqlite"));
    live.$client.close();
    await backupDatabase(join(dir, "live.sqlite"), join(dir, "b.sqlite"));
    await expect(backupDatabase(join(dir, "live.sqlite"), join(dir, "b.sqlite"))).rejects.toThrow("already exists");
  });
});
