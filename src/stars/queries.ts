// Raw SQL of de-starring, each statement with the reason it is not drizzle.
import { preparedOnce } from "../db/prepared.js";

/**
 * The INSERT of one planned second-voice touch, prepared once per connection (it joins the open
 * transaction): the weekly planning writes one per touch, and building a drizzle query cost more than the
 * write (stars bench, 500 teams).
 */
export const insertTouch = preparedOnce((_db, sqlite) =>
  sqlite.prepare<[teamId: number, clientId: number, assigneeId: number, touchKind: string, planWeek: string, dueOn: string, createdAt: number]>(
    `INSERT INTO calls (team_id, client_id, assignee_id, kind, touch_kind, plan_week, due_on, status, attempts, created_at)
     VALUES (?, ?, ?, 'second_voice', ?, ?, ?, 'open', 0, ?)`,
  ),
);
