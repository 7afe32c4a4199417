// Which open dialogue a person's typed text belongs to. Several dialogues may wait in one chat at once
// (an /offboard dialogue and a call card asking for a date, say); text answers the one that asked last.
// Kept in the database (dialogue_focus), beside the dialogues' own state: a dialogue's `external` steps
// are not run again when it is replayed after a restart, so a focus kept in memory was lost there, and
// the first waiting dialogue took text meant for the one that asked last.
import type { Db } from "../../db/client.js";
import { focusStatements } from "./focus-queries.js";

/** A dialogue left waiting longer than the longest dialogue timeout no longer holds the focus. */
const STALE_MS = 60 * 60 * 1000;

/** Whose answer, in which chat. */
export interface FocusKey {
  chatId: number;
  userId: number;
}

export const focusKey = (chatId: number, userId: number): FocusKey => ({ chatId, userId });

/** The dialogue starts waiting: it goes on top. */
export function takeFocus(db: Db, key: FocusKey, token: string, now: number): void {
  const q = focusStatements(db);
  db.$client.transaction(() => {
    q.forgetStale.run(key.chatId, key.userId, now - STALE_MS);
    q.forget.run(key.chatId, key.userId, token);
    q.add.run(key.chatId, key.userId, token, now);
  })();
}

/** The dialogue got its answer or ended. */
export function releaseFocus(db: Db, key: FocusKey, token: string): void {
  focusStatements(db).forget.run(key.chatId, key.userId, token);
}

/** True when this dialogue should take the text: it asked last, or nobody is known to be waiting. */
export function hasFocus(db: Db, key: FocusKey, token: string, now: number): boolean {
  const latest = focusStatements(db).latest.get(key.chatId, key.userId, now - STALE_MS);
  return latest === undefined || latest === token;
}

/** Who has a dialogue waiting in this chat (Telegram user ids, the latest asker last). */
export function waitersIn(db: Db, chatId: number, now: number): number[] {
  return focusStatements(db).waiters.all(chatId, now - STALE_MS);
}
