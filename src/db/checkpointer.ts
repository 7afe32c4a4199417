// WAL checkpoints off the main thread. SQLite's auto-checkpoint runs inside the commit that crosses 1,000
// pages of WAL: that commit copies the pages back into the database file and syncs it, 45–55 ms of the
// event loop on a loaded machine (bench/distribution.bench.ts). Here a worker thread with its own
// connection to the same file does it instead, and the bot's connection has `wal_autocheckpoint = 0`:
//
// - every `everyMs` the worker runs `PRAGMA wal_checkpoint(PASSIVE)`: it copies what no reader still needs
//   and takes no write lock, so the bot's commits never wait for it. Once everything is copied, the bot's
//   next write transaction starts the WAL over from its beginning: the file stops growing.
// - the file a burst (a 50,000-client distribution) leaves behind is cut back to `walSizeLimitBytes` by the
//   bot's connection itself (`journal_size_limit`) at its first commit after the WAL starts over. Not
//   `wal_checkpoint(TRUNCATE)` from the worker: it takes the write lock, and a bot's transaction that has
//   read and then writes (most do) gets SQLITE_BUSY at once, without waiting — a failed step.
//
// A worker that cannot start or dies is logged and started again (up to `maxRestarts` times); meanwhile and
// after, the bot's connection checkpoints by itself again (`wal_autocheckpoint = 1000`, SQLite's default).
// Only the bot uses this; the CLIs (import, backup, migrate, job) keep the auto-checkpoint.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "./client.js";
import type { Logger } from "../platform/logger.js";

/** SQLite's default auto-checkpoint, used again whenever no worker runs. */
export const AUTOCHECKPOINT_PAGES = 1000;

export interface CheckpointResult {
  /** 1 when the checkpoint could not run (another checkpoint was under way). */
  busy: number;
  /** Frames in the WAL, and how many of them are copied into the database file. */
  log: number;
  checkpointed: number;
  /** The WAL file's size after the checkpoint. */
  walBytes: number;
}

export interface CheckpointerOptions {
  logger: Logger;
  /** How often the worker checkpoints by itself; 0: only when asked (tests). */
  everyMs?: number;
  /** The WAL file left after a burst is cut back to this (journal_size_limit). */
  walSizeLimitBytes?: number;
  /** Starts after a crash before giving up for good (the auto-checkpoint stays on). */
  maxRestarts?: number;
  /** The SQLite driver the worker loads (tests give it a broken one). */
  driver?: string;
  /** How long stop() lets a round under way finish before it terminates the worker. */
  stopWithinMs?: number;
}

export interface Checkpointer {
  /** Resolves true once a worker runs, false when it gave up (the auto-checkpoint is on). */
  running(): Promise<boolean>;
  /** One round, as the worker's timer runs it. */
  checkpoint(): Promise<CheckpointResult>;
  /** Stops the worker (after a checkpoint in progress) and turns the auto-checkpoint back on. */
  stop(): Promise<void>;
}

const DEFAULTS = { everyMs: 100, walSizeLimitBytes: 64 * 1024 * 1024, maxRestarts: 3, stopWithinMs: 2_000 };

// Plain CommonJS, run with `eval: true` and no inherited node options (`execArgv: []`; an inherited
// `--input-type=module` would make it an ES module without `require`): the same under node (dist/), tsx
// and vitest, with no file of its own to resolve or build.
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.driver);
const { path, everyMs } = workerData;
const db = new Database(path, { fileMustExist: true, timeout: 0 });
const walBytes = () => { try { return statSync(path + "-wal").size; } catch { return 0; } };
const round = () => {
  const row = db.pragma("wal_checkpoint(PASSIVE)")[0];
  return { busy: row.busy, log: row.log, checkpointed: row.checkpointed, walBytes: walBytes() };
};
let lastFailure = null; // told once, not ten times a second; and told when a round works again
const attempt = () => {
  try {
    const result = round();
    if (lastFailure !== null) parentPort.postMessage({ recovered: true });
    lastFailure = null;
    return { result };
  } catch (err) {
    const failed = String(err && err.message || err);
    if (failed !== lastFailure) parentPort.postMessage({ failed });
    lastFailure = failed;
    return { error: failed };
  }
};
const timer = everyMs > 0 ? setInterval(attempt, everyMs) : null;
parentPort.on("message", (m) => {
  if (m.stop) {
    if (timer) clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  parentPort.postMessage({ id: m.id, ...attempt() });
});
parentPort.postMessage({ ready: true });
`;

/** Starts the checkpoint worker for the bot's database file; for ':memory:' nothing runs. */
export function startCheckpointer(db: Db, path: string, options: CheckpointerOptions): Checkpointer {
  const { logger } = options;
  const everyMs = options.everyMs ?? DEFAULTS.everyMs;
  const walSizeLimitBytes = options.walSizeLimitBytes ?? DEFAULTS.walSizeLimitBytes;
  const maxRestarts = options.maxRestarts ?? DEFAULTS.maxRestarts;
  const stopWithinMs = options.stopWithinMs ?? DEFAULTS.stopWithinMs;
  const driver = options.driver ?? createRequire(import.meta.url).resolve("better-sqlite3");
  const autocheckpoint = (pages: number) => {
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${pages}`);
  };

  let worker: Worker | null = null;
  let stopping = false;
  let starts = 0;
  let nextId = 1;
  const waiting = new Map<number, { resolve(r: CheckpointResult): void; reject(err: Error): void }>();
  // running(): the current start's outcome; a start after a crash is a fresh promise.
  let settle: (up: boolean) => void = () => {};
  let settled = true;
  let up: Promise<boolean> = Promise.resolve(false);
  const starting = () => {
    if (!settled) return;
    settled = false;
    up = new Promise((resolve) => {
      settle = (value) => {
        settled = true;
        resolve(value);
      };
    });
  };
  let exited: Promise<void> = Promise.resolve();

  const gaveUp = () => {
    if (settled) up = Promise.resolve(false);
    else settle(false);
  };

  const failAll = (why: string) => {
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
  };

  /** The worker ended without being asked to: back to the auto-checkpoint, then start again or give up. */
  const lost = (reason: string) => {
    worker = null;
    autocheckpoint(AUTOCHECKPOINT_PAGES);
    failAll(`the checkpoint worker stopped: ${reason}`);
    if (stopping) return;
    if (starts <= maxRestarts) {
      logger.warn({ reason, restart: starts }, "the checkpoint worker stopped; starting it again (meanwhile the database checkpoints by itself)");
      starting();
      spawn();
    } else {
      logger.error({ reason, starts }, "the checkpoint worker keeps failing; the database checkpoints by itself from now on");
      gaveUp();
    }
  };

  const spawn = () => {
    starts++;
    let w: Worker;
    try {
      w = new Worker(WORKER_CODE, { eval: true, execArgv: [], workerData: { driver, path, everyMs } });
    } catch (err) {
      lost(String((err as Error).message ?? err));
      return;
    }
    worker = w;
    let error: string | null = null;
    exited = new Promise((resolve) => {
      w.on("exit", (code) => {
        resolve();
        if (worker === w) lost(error ?? `exit code ${code}`);
      });
    });
    w.on("error", (err) => {
      error = err.message;
      logger.error({ err }, "the checkpoint worker failed");
    });
    w.on("message", (m: { ready?: true; failed?: string; recovered?: true; id?: number; result?: CheckpointResult; error?: string }) => {
      if (m.ready) {
        if (stopping) return;
        if (db.$client.open) db.$client.pragma(`journal_size_limit = ${walSizeLimitBytes}`);
        autocheckpoint(0);
        settle(true);
        // Running, it is never what keeps the process alive (only while it is asked something, or stopped);
        // SQLite survives an exit in the middle of a checkpoint.
        if (waiting.size === 0) w.unref();
      } else if (m.failed) {
        // While its rounds fail, the bot's connection checkpoints by itself, so the WAL never grows unbounded.
        if (!stopping) autocheckpoint(AUTOCHECKPOINT_PAGES);
        logger.warn({ err: m.failed }, "a WAL checkpoint failed; the database checkpoints by itself until the worker's next round works");
      } else if (m.recovered) {
        if (!stopping && worker === w) autocheckpoint(0);
        logger.info("the checkpoint worker's rounds work again");
      } else if (m.id !== undefined) {
        const asked = waiting.get(m.id);
        waiting.delete(m.id);
        if (waiting.size === 0 && !stopping) w.unref();
        if (m.result) asked?.resolve(m.result);
        else asked?.reject(new Error(m.error ?? "checkpoint failed"));
      }
    });
  };

  if (path === ":memory:") {
    return { running: async () => false, checkpoint: () => Promise.reject(new Error("no checkpoint worker for ':memory:'")), stop: async () => {} };
  }
  starting();
  spawn();

  return {
    running: () => up,
    checkpoint() {
      const w = worker;
      if (!w || stopping) return Promise.reject(new Error("the checkpoint worker is not running"));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id });
      });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      gaveUp();
      const w = worker;
      worker = null;
      w?.ref(); // the process waits for it to close its connection
      w?.postMessage({ stop: true });
      // A round under way finishes first; one that takes too long (a huge WAL on a slow disk) is cut short,
      // so shutdown still closes the database in time. SQLite survives a checkpoint stopped half-way.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), stopWithinMs);
      });
      if ((await Promise.race([exited.then(() => "exited" as const), late])) === "late") {
        logger.warn({ withinMs: stopWithinMs }, "the checkpoint worker did not stop in time; terminating it");
        await w?.terminate();
        await exited;
      }
      clearTimeout(timer);
      failAll("the checkpoint worker stopped");
      autocheckpoint(AUTOCHECKPOINT_PAGES);
    },
  };
}
