// The inbox of Telegram updates (see `receivedUpdates` in schema.ts). SQL only.
import type { Update } from "grammy/types";
import type { Db } from "./client.js";
import { preparedOnce } from "./prepared.js";

/** Telegram keeps an unconfirmed update for 24 hours; two days covers any redelivery. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
/** An update not finished for a day is not handled at start any more (a person has moved on). */
const REPLAY_WITHIN_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

const prepared = preparedOnce((_db, sqlite) => ({
    insert: sqlite.prepare("INSERT OR IGNORE INTO received_updates (update_id, payload, received_at) VALUES (?, ?, ?)"),
    handledAt: sqlite.prepare("SELECT handled_at FROM received_updates WHERE update_id = ?").pluck(),
    mark: sqlite.prepare("UPDATE received_updates SET handled_at = ? WHERE update_id = ?"),
    prune: sqlite.prepare("DELETE FROM received_updates WHERE received_at < ? AND (handled_at IS NOT NULL OR received_at < ?)"),
    unfinished: sqlite.prepare("SELECT payload FROM received_updates WHERE handled_at IS NULL AND received_at >= ? ORDER BY update_id").pluck(),
}));

/** Writes the update down before it is handled; false when it was handled already (a redelivery). */
export function receiveUpdate(db: Db, update: Update, now: number): boolean {
  const s = prepared(db);
  const inserted = s.insert.run(update.update_id, JSON.stringify(update), now).changes > 0;
  if (inserted) {
    if (update.update_id % PRUNE_EVERY === 0) s.prune.run(now - KEEP_MS, now - KEEP_MS);
    return true;
  }
  return s.handledAt.get(update.update_id) === null;
}

export function markUpdateHandled(db: Db, updateId: number, now: number): void {
  prepared(db).mark.run(now, updateId);
}

/** Updates received and not finished (the process stopped or crashed while handling them), oldest first. */
export function unfinishedUpdates(db: Db, now: number): Update[] {
  return (prepared(db).unfinished.all(now - REPLAY_WITHIN_MS) as string[]).map((payload) => JSON.parse(payload) as Update);
}
