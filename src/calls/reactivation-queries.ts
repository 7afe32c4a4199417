// Raw SQL of the reactivation plan a distribution's follow-up writes, prepared once per connection. A
// 50,000-client follow-up reads 50 pages and writes 50,000 calls: building and mapping drizzle rows for
// them cost several times what SQLite needs (distribution bench, `distribution.whole_ms_50k` and
// `distribution.max_step_cpu_ms`), and the page queries steer SQLite's plan (CROSS JOIN, unary `+`)
// in ways drizzle's builder does not write.
import { preparedOnce } from "../db/prepared.js";
import type { Temperature } from "../db/schema.js";

type Page = [distributionId: number, after: number, last: number];

export const reactivationQueries = preparedOnce((_db, sqlite) => ({
  /** The last client of the next page: the next `perStep` items after client `after` (the items' key order). */
  pageEnd: sqlite
    .prepare<[distributionId: number, after: number, perStep: number]>(
      `SELECT max(client_id) FROM (SELECT client_id FROM distribution_items WHERE distribution_id = ? AND client_id > ? ORDER BY client_id LIMIT ?)`,
    )
    .pluck(),
  /**
   * The page's earliest open commitment per client, in one grouped pass. Driven by the page's items (CROSS
   * JOIN keeps that order) through commitments_client_idx: walking the team's open commitments instead
   * cost one pass per item (3 s a page at 50,000 clients).
   */
  pageDeadlines: sqlite
    .prepare<[...Page, teamId: number]>(
      `SELECT m.client_id, min(m.due_on) FROM distribution_items di CROSS JOIN commitments m ON m.client_id = di.client_id
        WHERE di.distribution_id = ? AND di.client_id > ? AND di.client_id <= ? AND +m.team_id = ? AND +m.status = 'open' AND m.due_on IS NOT NULL
        GROUP BY m.client_id`,
    )
    .raw(),
  /** The page's moved, still active clients without a call from this distribution yet. */
  pageClients: sqlite
    .prepare<[...Page, teamId: number]>(
      `SELECT di.client_id, di.to_member_id, c.temperature, c.next_contact_on, h.id, h.last_day
         FROM distribution_items di JOIN clients c ON c.id = di.client_id
         LEFT JOIN handovers h ON h.id = c.origin_handover_id AND h.status = 'active'
        WHERE di.distribution_id = ? AND di.client_id > ? AND di.client_id <= ? AND c.team_id = ? AND c.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM calls k WHERE k.client_id = di.client_id AND k.distribution_id = di.distribution_id)`,
    )
    .raw(),
  /** The page's open ordinary calls (promised call-backs), earliest first, driven by its items through calls_client_idx. */
  pagePromised: sqlite
    .prepare<Page>(
      `SELECT k.client_id, k.id FROM distribution_items di CROSS JOIN calls k ON k.client_id = di.client_id
        WHERE di.distribution_id = ? AND di.client_id > ? AND di.client_id <= ? AND +k.status = 'open' AND +k.kind = 'ordinary'
        ORDER BY k.due_on, k.id`,
    )
    .raw(),
  /** One reactivation call; never a second from the same distribution (the follow-up writes its plan in chunks). */
  insertCall: sqlite.prepare<
    [teamId: number, clientId: number, assigneeId: number, handoverId: number | null, distributionId: number, dueOn: string, createdAt: number, clientId2: number, distributionId2: number]
  >(
    `INSERT INTO calls (team_id, client_id, assignee_id, handover_id, distribution_id, kind, due_on, status, attempts, created_at)
     SELECT ?, ?, ?, ?, ?, 'reactivation', ?, 'open', 0, ?
      WHERE NOT EXISTS (SELECT 1 FROM calls WHERE client_id = ? AND distribution_id = ?)`,
  ),
}));

export type PageClientRow = [clientId: number, assigneeId: number, temperature: Temperature, nextContactOn: string | null, originId: number | null, originLastDay: string | null];
