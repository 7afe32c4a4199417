// GET /healthz: what a container's health check or a monitor reads.
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/bot/serve/http-server.js";
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
    expect(await res.json()).toEqual({ db: "ok", outbox: { pending: 1, failed: 0 }, lastUpdateAt: null });
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await fetch(`${base}/telegram`, { method: "POST" })).status).toBe(404); // no webhook in polling mode
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
