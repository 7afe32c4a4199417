// GET /healthz: what a container's health check or a monitor reads.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/bot/serve/http-server.js";
import { startCheckpointer } from "../../src/db/checkpointer.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { DEFAULT_START } from "../support/clock.js";

const logger = pino({ level: "silent" });
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(db: ReturnType<typeof openDatabase>) {
  const http = await startHttpServer({ port: 0, db, logger });
  close = http.close;
  return `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
}

describe("/healthz", () => {
  it("reports the database, the outbox and the last update", async () => {
    const db = openDatabase(":memory:");
    enqueue(db, { chatId: 1, kind: "digest", dedupeKey: "a", text: "x" }, new Date(DEFAULT_START));
    const base = await serve(db);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok", outbox: { pending: 1, failed: 0 }, lastUpdateAt: null, checkpoints: "connection" });
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/telegram`, { method: "POST" })).status).toBe(404); // no webhook in polling mode
  });

  it("says whether the checkpoint worker copies the log back, and when it is stopped that the connection does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "healthz-"));
    const path = join(dir, "bot.sqlite");
    const db = openDatabase(path);
    const checkpoints = startCheckpointer(db, path, { logger, everyMs: 0 });
    try {
      expect(await checkpoints.running()).toBe(true);
      const base = await serve(db);
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ db: "ok", checkpoints: "worker" });
      await checkpoints.stop();
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ db: "ok", checkpoints: "connection" });
    } finally {
      await checkpoints.stop();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 503 when the database cannot be read", async () => {
    const db = openDatabase(":memory:");
    const base = await serve(db);
    closeDatabase(db);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ db: "unreadable" });
  });
});
