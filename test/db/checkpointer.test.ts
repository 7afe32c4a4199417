// WAL checkpoints in a worker thread (src/db/checkpointer.ts): the bot's connection stops checkpointing in
// its commits, the worker keeps the WAL from growing, and a worker that fails leaves the bot working with
// SQLite's own auto-checkpoint. Every round is asked for and awaited: no timer is waited on.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBackgroundWork } from "../../src/background.js";
import { AUTOCHECKPOINT_PAGES, startCheckpointer } from "../../src/db/checkpointer.js";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { BOT_INFO, createHarness } from "../support/harness.js";

let dir: string;
let path: string;
let db: Db;
let logs: { level: number; msg: string }[];
const logger = () =>
  pino(
    { level: "info" },
    new Writable({
      write(chunk, _enc, done) {
        logs.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "checkpointer-"));
  path = join(dir, "bot.sqlite");
  db = openDatabase(path);
  db.$client.exec("CREATE TABLE filler (blob BLOB)");
  logs = [];
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const autocheckpoint = (d: Db = db) => d.$client.pragma("wal_autocheckpoint", { simple: true });
const walBytes = () => statSync(`${path}-wal`).size;
/** One commit of about 400 KB (100 pages of 4 KB). */
const commit = () => db.$client.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO filler SELECT randomblob(4000) FROM n").run();
const crashingDriver = createRequire(import.meta.url).resolve("../support/crashing-sqlite.cjs");
const flakyDriver = createRequire(import.meta.url).resolve("../support/flaky-sqlite.cjs");

describe("the checkpoint worker", () => {
  it("takes the checkpoints off the bot's connection and keeps the WAL from growing across many commits", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0 });
    expect(await checkpoints.running()).toBe(true);
    expect(autocheckpoint()).toBe(0);
    let largest = 0;
    for (let i = 0; i < 60; i++) {
      commit();
      const round = await checkpoints.checkpoint();
      expect(round).toMatchObject({ busy: 0 });
      expect(round.checkpointed).toBe(round.log); // everything copied: the next commit starts the WAL over
      largest = Math.max(largest, walBytes());
    }
    // 60 commits wrote 24 MB of pages; the WAL never held much more than one of them.
    expect(largest).toBeLessThan(1_000_000);
    expect(db.$client.prepare("SELECT count(*) FROM filler").pluck().get()).toBe(6_000);
    await checkpoints.stop();
  });

  it("without it (and the auto-checkpoint off) the same commits grow the WAL to all of them", async () => {
    db.$client.pragma("wal_autocheckpoint = 0");
    for (let i = 0; i < 20; i++) commit();
    expect(walBytes()).toBeGreaterThan(20 * 400_000);
  });

  it("cuts a burst's WAL file back at the first commit after the worker caught up (journal_size_limit)", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0, walSizeLimitBytes: 100_000 });
    expect(await checkpoints.running()).toBe(true);
    for (let i = 0; i < 10; i++) commit(); // a burst the worker did not keep up with
    expect(walBytes()).toBeGreaterThan(3_500_000);
    expect(await checkpoints.checkpoint()).toMatchObject({ busy: 0, log: expect.any(Number) });
    commit(); // the WAL starts over, and its file is cut back to this commit's pages
    expect(walBytes()).toBeLessThan(600_000);
    await checkpoints.stop();
  });

  it("checkpoints beside an open reader without the write lock (PASSIVE: busy 0), and the reader's transaction still writes", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0 });
    expect(await checkpoints.running()).toBe(true);
    for (let i = 0; i < 3; i++) commit();
    db.$client.exec("BEGIN"); // deferred, as drizzle's and better-sqlite3's transactions are
    expect(db.$client.prepare("SELECT count(*) FROM filler").pluck().get()).toBe(300);
    // A TRUNCATE or RESTART checkpoint would wait for this reader and answer busy: 1.
    expect(await checkpoints.checkpoint()).toMatchObject({ busy: 0 });
    commit();
    db.$client.exec("COMMIT");
    expect(db.$client.prepare("SELECT count(*) FROM filler").pluck().get()).toBe(400);
    await checkpoints.stop();
  });

  it("stops: no worker answers any more and the connection checkpoints by itself again", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0 });
    expect(await checkpoints.running()).toBe(true);
    await checkpoints.stop();
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    await expect(checkpoints.checkpoint()).rejects.toThrow(/not running/);
    expect(await checkpoints.running()).toBe(false);
    await checkpoints.stop(); // twice is harmless
    commit();
  });

  it("does nothing for ':memory:'", async () => {
    const memory = openDatabase(":memory:");
    const checkpoints = startCheckpointer(memory, ":memory:", { logger: logger() });
    expect(await checkpoints.running()).toBe(false);
    await checkpoints.stop();
    closeDatabase(memory);
  });

  it("cannot start: logged, tried again, then the auto-checkpoint stays on and the database works", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0, maxRestarts: 1, driver: join(dir, "no-such-driver.js") });
    expect(await checkpoints.running()).toBe(false);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    expect(logs.filter((l) => l.msg === "the checkpoint worker failed")).toHaveLength(2);
    expect(logs.some((l) => l.level === 40 && /starting it again/.test(l.msg))).toBe(true);
    expect(logs.some((l) => l.level === 50 && /checkpoints by itself from now on/.test(l.msg))).toBe(true);
    commit();
    await checkpoints.stop();
  });

  it("rounds that fail: the connection checkpoints by itself meanwhile, and hands it back when a round works again", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0, driver: flakyDriver });
    expect(await checkpoints.running()).toBe(true);
    expect(autocheckpoint()).toBe(0);
    writeFileSync(`${path}.fail`, "");
    commit();
    await expect(checkpoints.checkpoint()).rejects.toThrow("disk I/O error (test)");
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    expect(logs.some((l) => String(l.msg).startsWith("a WAL checkpoint failed"))).toBe(true);
    rmSync(`${path}.fail`);
    expect(await checkpoints.checkpoint()).toMatchObject({ busy: 0 });
    expect(autocheckpoint()).toBe(0);
    await checkpoints.stop();
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
  });

  it("a round that does not end: stop() cuts it short after its time, and shutdown goes on", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0, driver: flakyDriver, stopWithinMs: 0 });
    expect(await checkpoints.running()).toBe(true);
    writeFileSync(`${path}.hang`, "");
    const round = checkpoints.checkpoint();
    await checkpoints.stop();
    await expect(round).rejects.toThrow("the checkpoint worker stopped");
    expect(logs.some((l) => l.msg === "the checkpoint worker did not stop in time; terminating it")).toBe(true);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    commit(); // the database is the bot's alone again
  });

  it("a crash: the auto-checkpoint at once, the worker started again, given up after maxRestarts", async () => {
    const checkpoints = startCheckpointer(db, path, { logger: logger(), everyMs: 0, maxRestarts: 1, driver: crashingDriver });
    expect(await checkpoints.running()).toBe(true);
    expect(autocheckpoint()).toBe(0);
    await expect(checkpoints.checkpoint()).rejects.toThrow(/stopped: exit code 3/);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    expect(await checkpoints.running()).toBe(true); // started again
    expect(autocheckpoint()).toBe(0);
    await expect(checkpoints.checkpoint()).rejects.toThrow(/stopped/);
    expect(await checkpoints.running()).toBe(false); // given up
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    commit();
    await checkpoints.stop();
  });
});

describe("the bot with its database in a file", () => {
  it("runs the worker with its background work and stops it with them", async () => {
    closeDatabase(db);
    const h = await createHarness({ databasePath: path, config: { databasePath: path, backup: { hour: 3, keep: 0 } } });
    try {
      const background = startBackgroundWork({ config: h.config, db: h.db, logger: h.deps.logger, api: h.bot.api, i18n: h.bot.i18n, clock: h.clock, botUsername: BOT_INFO.username });
      expect(await background.checkpoints.running()).toBe(true);
      expect(autocheckpoint(h.db)).toBe(0);
      await h.createTeam();
      expect((await background.checkpoints.checkpoint()).busy).toBe(0);
      await background.stop();
      expect(autocheckpoint(h.db)).toBe(AUTOCHECKPOINT_PAGES);
      await expect(background.checkpoints.checkpoint()).rejects.toThrow(/not running/);
      expect(h.errors()).toEqual([]);
    } finally {
      h.close();
    }
    db = openDatabase(path);
  });

  it("answers as usual when the worker cannot start", async () => {
    closeDatabase(db);
    const h = await createHarness({ databasePath: path });
    try {
      const checkpoints = startCheckpointer(h.db, path, { logger: logger(), everyMs: 0, maxRestarts: 0, driver: join(dir, "no-such-driver.js") });
      expect(await checkpoints.running()).toBe(false);
      const lead = await h.createTeam();
      await lead.send("/today");
      expect(lead.messages().length).toBeGreaterThan(0);
      expect(autocheckpoint(h.db)).toBe(AUTOCHECKPOINT_PAGES);
      await checkpoints.stop();
    } finally {
      h.close();
    }
    db = openDatabase(path);
  });
});
