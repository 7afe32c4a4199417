// "What is due" for the nags: one set-based query per question and team, grouped in SQL, so planning
// stays proportional to what is due (indexes on team + status + date), never to the size of the base.
import type Database from "better-sqlite3";
import type { Db } from "../db/client.js";
import { connectionOf, preparedOnce } from "../db/prepared.js";
import type { CommitmentKind, Reachability, StepKind } from "../db/schema.js";
import { addDays, workingDaysBetween, type WorkCalendar } from "../platform/calendar.js";

/** Statements by their text, prepared once per connection (these run for every team, every day). */
const statementsOf = preparedOnce(() => new Map<string, Database.Statement<unknown[]>>());

function prepared(db: Db, text: string): Database.Statement<unknown[]> {
  const cache = statementsOf(db);
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = connectionOf(db).prepare<unknown[]>(text)));
  return statement;
}

const all = <T>(db: Db, text: string, ...params: unknown[]) => prepared(db, text).all(...params) as T[];
const get = <T>(db: Db, text: string, ...params: unknown[]) => prepared(db, text).get(...params) as T | undefined;
const run = (db: Db, text: string, ...params: unknown[]) => prepared(db, text).run(...params);

// ---------------------------------------------------------------------------------------------
// Unassigned clients

export interface UnassignedSummary {
  count: number;
  /** The ones waiting longest, oldest first. */
  oldest: { id: number; name: string; since: number }[];
}

/**
 * Active clients nobody works: no owner, or an owner who has left, or a leaver whose last day has passed
 * (their clients are abandoned until distributed).
 */
export function unassignedClients(db: Db, teamId: number, today: string, oldestLimit = 5): UnassignedSummary {
  const gone = all<{ id: number }>(
    db,
    `SELECT m.id FROM members m WHERE m.team_id = ? AND (m.status = 'left' OR (m.status = 'departing' AND EXISTS (
       SELECT 1 FROM handovers h WHERE h.leaver_id = m.id AND h.status = 'active' AND h.last_day < ?)))`,
    teamId,
    today,
  ).map((r) => r.id);
  // Each part uses the (team, owner) index: the pool (owner NULL) and each abandoned owner's clients.
  const parts = [
    { where: "owner_id IS NULL", params: [] as unknown[] },
    ...(gone.length > 0 ? [{ where: "owner_id IN (SELECT value FROM json_each(?))", params: [JSON.stringify(gone)] }] : []),
  ];
  let count = 0;
  const oldest: UnassignedSummary["oldest"] = [];
  for (const part of parts) {
    count += get<{ n: number }>(db, `SELECT COUNT(*) AS n FROM clients WHERE team_id = ? AND ${part.where} AND status = 'active'`, teamId, ...part.params)?.n ?? 0;
    oldest.push(
      ...all<{ id: number; name: string; since: number }>(
        db,
        `SELECT id, name, COALESCE(unassigned_since, updated_at) AS since FROM clients
         WHERE team_id = ? AND ${part.where} AND status = 'active' ORDER BY since ASC, id ASC LIMIT ?`,
        teamId,
        ...part.params,
        oldestLimit,
      ),
    );
  }
  oldest.sort((a, b) => a.since - b.since || a.id - b.id);
  return { count, oldest: oldest.slice(0, oldestLimit) };
}

export function hasActiveHandover(db: Db, teamId: number): boolean {
  return get(db, `SELECT 1 AS x FROM handovers WHERE team_id = ? AND status = 'active' LIMIT 1`, teamId) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Commitment deadlines

export interface DueCommitment {
  id: number;
  clientId: number;
  clientName: string;
  kind: CommitmentKind;
  text: string;
  dueOn: string;
  /** Who answers for it: the commitment's owner, else the client's owner; null when nobody does. */
  ownerId: number | null;
  overdue: boolean;
}

export interface CommitmentGroup {
  ownerId: number | null;
  overdueCount: number;
  soonCount: number;
  /** At most `perOwner` of each kind (overdue, soon), earliest first. */
  items: DueCommitment[];
}

/**
 * Open commitments due on or before `until` (overdue ones are those before `today`), grouped by who
 * answers for them, counted in SQL, with the first `perOwner` of each group.
 */
export function dueCommitments(db: Db, teamId: number, today: string, until: string, perOwner = 10): CommitmentGroup[] {
  const rows = all<{
    id: number;
    clientId: number;
    clientName: string;
    kind: CommitmentKind;
    text: string;
    dueOn: string;
    ownerId: number | null;
    overdue: number;
    rn: number;
    total: number;
  }>(
    db,
    `
    SELECT * FROM (
      SELECT d.*,
        ROW_NUMBER() OVER (PARTITION BY d.ownerId, d.overdue ORDER BY d.dueOn, d.id) AS rn,
        COUNT(*) OVER (PARTITION BY d.ownerId, d.overdue) AS total
      FROM (
        SELECT c.id AS id, c.client_id AS clientId, cl.name AS clientName, c.kind AS kind, c.text AS text,
          c.due_on AS dueOn, COALESCE(c.owner_id, cl.owner_id) AS ownerId, (c.due_on < ?) AS overdue
        FROM commitments c JOIN clients cl ON cl.id = c.client_id
        WHERE c.team_id = ? AND c.status = 'open' AND c.due_on IS NOT NULL AND c.due_on <= ?
          AND cl.status = 'active'
      ) d
    ) WHERE rn <= ?
    ORDER BY ownerId, overdue DESC, dueOn, id`,
    today,
    teamId,
    until,
    perOwner,
  );
  const groups = new Map<number | null, CommitmentGroup>();
  for (const r of rows) {
    let g = groups.get(r.ownerId);
    if (!g) {
      g = { ownerId: r.ownerId, overdueCount: 0, soonCount: 0, items: [] };
      groups.set(r.ownerId, g);
    }
    if (r.overdue) g.overdueCount = r.total;
    else g.soonCount = r.total;
    g.items.push({ id: r.id, clientId: r.clientId, clientName: r.clientName, kind: r.kind, text: r.text, dueOn: r.dueOn, ownerId: r.ownerId, overdue: r.overdue === 1 });
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------
// Calls not made

export interface OverdueCalls {
  assigneeId: number;
  count: number;
  oldestDueOn: string;
  /** The first few clients, oldest due first. */
  clients: { clientId: number; name: string; dueOn: string }[];
}

/** Open calls due on or before `dueOnOrBefore`, per assignee. */
export function overdueCalls(db: Db, teamId: number, dueOnOrBefore: string, perAssignee = 5): OverdueCalls[] {
  const rows = all<{ assigneeId: number; clientId: number; name: string; dueOn: string; rn: number; total: number }>(
    db,
    `
    SELECT * FROM (
      SELECT k.assignee_id AS assigneeId, k.client_id AS clientId, cl.name AS name, k.due_on AS dueOn,
        ROW_NUMBER() OVER (PARTITION BY k.assignee_id ORDER BY k.due_on, k.id) AS rn,
        COUNT(*) OVER (PARTITION BY k.assignee_id) AS total
      FROM calls k JOIN clients cl ON cl.id = k.client_id
      WHERE k.team_id = ? AND k.status = 'open' AND k.due_on <= ? AND cl.status = 'active'
    ) WHERE rn <= ?
    ORDER BY assigneeId, rn`,
    teamId,
    dueOnOrBefore,
    perAssignee,
  );
  const out = new Map<number, OverdueCalls>();
  for (const r of rows) {
    let g = out.get(r.assigneeId);
    if (!g) {
      g = { assigneeId: r.assigneeId, count: r.total, oldestDueOn: r.dueOn, clients: [] };
      out.set(r.assigneeId, g);
    }
    g.clients.push({ clientId: r.clientId, name: r.name, dueOn: r.dueOn });
  }
  return [...out.values()];
}

/**
 * The latest due date that is at least `n` working days before `today`: calls due on or before it are
 * overdue by n working days or more.
 */
export function overdueCutoff(today: string, n: number, cal: WorkCalendar): string {
  for (let back = 1; back < 400; back++) {
    const day = addDays(today, -back);
    if (workingDaysBetween(day, today, cal) >= n) return day;
  }
  return addDays(today, -400);
}

// ---------------------------------------------------------------------------------------------
// Checklist steps

export interface DueStep {
  stepId: number;
  handoverId: number;
  leaverName: string;
  lastDay: string;
  startedById: number;
  kind: StepKind;
  title: string | null;
  dueOn: string;
  responsibleId: number | null;
  overdue: boolean;
}

/** Open steps of the team's handovers in progress that are due today or earlier. */
export function dueChecklistSteps(db: Db, teamId: number, today: string): DueStep[] {
  return all<Omit<DueStep, "overdue"> & { overdue: number }>(
    db,
    `SELECT s.id AS stepId, h.id AS handoverId, m.name AS leaverName, h.last_day AS lastDay, h.started_by_id AS startedById,
            s.kind AS kind, s.title AS title, s.due_on AS dueOn, s.responsible_id AS responsibleId, (s.due_on < ?) AS overdue
       FROM handovers h
       JOIN checklist_steps s ON s.handover_id = h.id
       JOIN members m ON m.id = h.leaver_id
       WHERE h.team_id = ? AND h.status = 'active' AND s.status = 'open' AND s.due_on <= ?
       ORDER BY h.id, s.position, s.id`,
    today,
    teamId,
    today,
  ).map((r) => ({ ...r, overdue: r.overdue === 1 }));
}

// ---------------------------------------------------------------------------------------------
// People the bot cannot write to

export interface UnreachableMember {
  id: number;
  name: string;
  role: "lead" | "manager";
  /** 'name_only' for someone known from an import who never opened the bot. */
  reason: Extract<Reachability, "blocked" | "never_started"> | "name_only";
}

/** Active members the bot cannot write to and the leads have not yet been told about. */
export function unreportedUnreachable(db: Db, teamId: number): UnreachableMember[] {
  return all<{ id: number; name: string; role: "lead" | "manager"; telegramId: number | null; reachability: Reachability }>(
    db,
    `SELECT id, name, role, telegram_id AS telegramId, reachability FROM members
     WHERE team_id = ? AND status = 'active' AND unreachable_reported_at IS NULL
       AND (telegram_id IS NULL OR reachability IN ('blocked', 'never_started'))
     ORDER BY name, id`,
    teamId,
  ).map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      reason: m.telegramId === null ? "name_only" : m.reachability === "blocked" ? "blocked" : "never_started",
    }));
}

/** People who can be written to again may be reported again the next time they drop out. */
export function forgetReportsOfReachable(db: Db, teamId: number): void {
  run(
    db,
    `UPDATE members SET unreachable_reported_at = NULL
     WHERE team_id = ? AND unreachable_reported_at IS NOT NULL AND telegram_id IS NOT NULL AND reachability = 'ok'`,
    teamId,
  );
}

export function markReported(db: Db, memberIds: number[], now: Date): void {
  if (memberIds.length === 0) return;
  run(db, `UPDATE members SET unreachable_reported_at = ? WHERE id IN (SELECT value FROM json_each(?))`, now.getTime(), JSON.stringify(memberIds));
}
