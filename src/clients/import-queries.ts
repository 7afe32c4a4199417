// Raw SQL of the client import, prepared once per connection. A file brings up to 100,000 rows: writing
// them through drizzle's builder one by one cost several times the write itself (import bench,
// `import.whole_ratio_vs_raw`); 50 clients per INSERT cost about 15 % less than one per statement; and the
// team is read into Maps as plain rows (the snapshot every plan is made against).
import { preparedOnce } from "../db/prepared.js";

const CLIENT_COLUMNS = `(team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature,
  last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at)`;
const CLIENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/** The values of one client in `insertClients`, in CLIENT_COLUMNS' order. */
export const CLIENT_VALUE_COUNT = 15;
export const CLIENTS_PER_INSERT = 50;

export const importStatements = preparedOnce((_db, sqlite) => ({
  insertMember: sqlite.prepare(
    "INSERT INTO members (team_id, telegram_id, username, name, role, status, created_at) VALUES (?, NULL, ?, ?, 'manager', 'active', ?)",
  ),
  insertClient: sqlite.prepare(`INSERT INTO clients ${CLIENT_COLUMNS} VALUES ${CLIENT_VALUES}`),
  insertClients: sqlite.prepare(`INSERT INTO clients ${CLIENT_COLUMNS} VALUES ${Array.from({ length: CLIENTS_PER_INSERT }, () => CLIENT_VALUES).join(", ")}`),
  /** Every "imported" event of the new clients (consecutive ids) in one statement. */
  importedEvents: sqlite.prepare(
    `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
     SELECT team_id, id, ?, 'imported', ?, ? FROM clients WHERE id BETWEEN ? AND ? AND team_id = ?`,
  ),
  updateClient: sqlite.prepare(
    `UPDATE clients SET external_id = ?, name = ?, company = ?, phones = ?, primary_phone = ?, email = ?, owner_id = ?,
       previous_owner_id = ?, temperature = ?, last_contact_on = ?, next_contact_on = ?, notes = ?, unassigned_since = ?,
       updated_at = ? WHERE id = ?`,
  ),
  currentOwner: sqlite.prepare("SELECT owner_id, previous_owner_id, unassigned_since FROM clients WHERE id = ?").raw(),
  insertVoice: sqlite.prepare(
    `INSERT INTO client_voices (team_id, client_id, member_id, last_touch_at, source) VALUES (?, ?, ?, ?, 'import')
     ON CONFLICT (client_id, member_id) DO UPDATE SET last_touch_at = max(last_touch_at, excluded.last_touch_at)`,
  ),
  insertEvent: sqlite.prepare("INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, ?, ?, ?)"),
  insertCommitment: sqlite.prepare(
    "INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
  ),
  /** A client the file gives to someone else: its open commitments follow it (as on the card). */
  commitmentsFollowOwner: sqlite.prepare("UPDATE commitments SET owner_id = ? WHERE client_id = ? AND status = 'open'"),
  /**
   * Whether a moved client has an open call or an active handover it came from: only those need the card's
   * follow-up (calls to the new owner), so a file moving thousands of plain clients costs one read each.
   */
  hasCallsToFollow: sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM calls WHERE client_id = ? AND status = 'open')
          OR EXISTS (SELECT 1 FROM clients c JOIN handovers h ON h.id = c.origin_handover_id AND h.status = 'active' WHERE c.id = ?)`,
    )
    .pluck(),
  /** A client the file gives to someone leaving waits in the pool as one of their handover's clients. */
  fromLeaver: sqlite.prepare(
    `UPDATE clients SET previous_owner_id = coalesce(previous_owner_id, ?),
       origin_handover_id = coalesce((SELECT id FROM handovers WHERE leaver_id = ? AND status = 'active'), origin_handover_id)
     WHERE id = ? AND owner_id IS NULL`,
  ),
  // The team as the plan sees it.
  roster: sqlite.prepare("SELECT id, name, username, telegram_id AS telegramId, role, status FROM members WHERE team_id = ?"),
  clientsOfTeam: sqlite
    .prepare(
      `SELECT id, name, company, phones, email, external_id, owner_id, temperature, last_contact_on, next_contact_on, notes
       FROM clients WHERE team_id = ?`,
    )
    .raw(),
  openCommitments: sqlite.prepare("SELECT client_id, kind, text, due_on FROM commitments WHERE team_id = ? AND status = 'open'").raw(),
  /** A previewed batch's header line alone (its rows are still in memory), without reading the payload into JS. */
  payloadHeader: sqlite
    .prepare("SELECT CASE WHEN instr(payload, char(10)) > 0 THEN substr(payload, 1, instr(payload, char(10)) - 1) ELSE payload END FROM import_batches WHERE id = ?")
    .pluck(),
}));
