// What /healthz reports about the database. SQL only; throws when the database cannot be read.
import type { Db } from "./client.js";

export interface Health {
  outbox: { pending: number; failed: number };
  /** When the last update from Telegram arrived (ISO), null before the first. */
  lastUpdateAt: string | null;
  /**
   * Who copies the WAL back into the database file: the checkpoint worker (db/checkpointer.ts; the bot's
   * connection has its auto-checkpoint off), or the connection itself at its commits (no worker runs).
   */
  checkpoints: "worker" | "connection";
}

export function readHealth(db: Db): Health {
  const sqlite = db.$client;
  const outbox = sqlite
    .prepare("SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'failed'), 0) AS failed FROM notifications")
    .get() as { pending: number; failed: number };
  const last = sqlite.prepare("SELECT MAX(received_at) FROM received_updates").pluck().get() as number | null;
  const autocheckpoint = sqlite.pragma("wal_autocheckpoint", { simple: true }) as number;
  return {
    outbox: { pending: outbox.pending, failed: outbox.failed },
    lastUpdateAt: last === null ? null : new Date(last).toISOString(),
    checkpoints: autocheckpoint === 0 ? "worker" : "connection",
  };
}
