// The dialogue focus's statements (see focus.ts), prepared once per connection. `rowid` breaks ties
// between dialogues that started waiting in the same millisecond: the later insert asked last.
import { preparedOnce } from "../../db/prepared.js";

export const focusStatements = preparedOnce((_db, sqlite) => ({
  forget: sqlite.prepare<[number, number, string]>(`DELETE FROM dialogue_focus WHERE chat_id = ? AND user_id = ? AND token = ?`),
  forgetStale: sqlite.prepare<[number, number, number]>(`DELETE FROM dialogue_focus WHERE chat_id = ? AND user_id = ? AND since < ?`),
  add: sqlite.prepare<[number, number, string, number]>(`INSERT INTO dialogue_focus (chat_id, user_id, token, since) VALUES (?, ?, ?, ?)`),
  latest: sqlite
    .prepare<[number, number, number], string>(
      `SELECT token FROM dialogue_focus WHERE chat_id = ? AND user_id = ? AND since >= ? ORDER BY since DESC, rowid DESC LIMIT 1`,
    )
    .pluck(),
  waiters: sqlite
    .prepare<[number, number], number>(
      `SELECT user_id FROM dialogue_focus WHERE chat_id = ? AND since >= ? GROUP BY user_id ORDER BY max(since), max(rowid)`,
    )
    .pluck(),
}));
