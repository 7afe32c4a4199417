// Raw SQL of the leaver's rights. Every tap on client data, every nag and every outbox send asks it, so
// the question is prepared once per connection: built and compiled by drizzle on each call, it cost more
// than running it (the tap benches: a card tap 8.2 → 4.1 ms when the tap-path queries were prepared).
import { preparedOnce } from "../db/prepared.js";
import type { Terms } from "../db/schema.js";

export interface LeaverAccessRow {
  status: string;
  terms: Terms | null;
  lastDay: string | null;
  timezone: string;
}

/** The member's status, their active handover's terms and last day (if any), and the team's zone. */
export const leaverAccessRow = preparedOnce((_db, sqlite) =>
  sqlite.prepare<[number], LeaverAccessRow>(
    `SELECT m.status, h.terms, h.last_day AS lastDay, t.timezone
       FROM members m JOIN teams t ON t.id = m.team_id
       LEFT JOIN handovers h ON h.leaver_id = m.id AND h.status = 'active'
      WHERE m.id = ? ORDER BY h.id DESC LIMIT 1`,
  ),
);
