/**
 * Redistribution of clients: a leaver's whole base (from a handover) or the team's unassigned pool.
 *
 * Life of a distribution: proposed (a `distributions` row + one `distribution_items` row per client that got
 * a new owner) → adjusted any number of times → applied (one transaction) → maybe undone (one transaction,
 * until a call of it has been recorded). Clients of the scope without an item are not lost: applying puts
 * them in the team's unassigned pool.
 *
 * Two facts of a proposal have no column of their own and live in the audit log (rows without a handover,
 * so the handover's History shows only what really changed): how many clients the scope held when it was
 * proposed (`distribution.proposed`, to notice a stale proposal), and the managers the lead excluded from it
 * (`distribution.excluded`).
 *
 * Bulk work is set-based SQL or prepared statements in a loop inside one transaction: 50,000 clients
 * must plan and apply in well under a second (bench/distribution.bench.ts).
 */
import { knownCount, preferKnownManagers, voicesOfClients } from "../stars/continuity.js";
import { teamVoiceCutoff } from "../stars/voices.js";
import type Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { auditLog, distributions, type DistributionStatus, type Reachability, type Temperature } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { getHandover as getChecklistHandover, handoverClientCounts, markStepDoneAutomatically, reopenStepAutomatically } from "../handover/checklist.js";
import { planDistribution, type PlanClient, type PlanManager } from "./plan.js";
import { cancelReactivationCalls, hasRecordedCalls } from "../calls/reactivation.js";

// --- types -----------------------------------------------------------------------------------------

export type TemperatureCounts = Record<Temperature, number>;

export interface ManagerRow {
  memberId: number;
  name: string;
  added: TemperatureCounts;
  addedTotal: number;
  /** Clients they own now plus what this proposal adds. */
  total: number;
  overCap: boolean;
}

/** Everything the table shows; read fresh from the database each time. */
export interface ProposalView {
  distributionId: number;
  teamId: number;
  handoverId: number | null;
  status: DistributionStatus;
  leaver: { id: number; name: string } | null;
  /** Clients in the scope when proposed. */
  clientCount: number;
  assigned: number;
  /** Clients of the scope with no new owner in the proposal: they go (or stay) in the pool. */
  unassigned: number;
  /** Assigned clients with an open commitment or deadline. */
  withCommitments: number;
  cap: number | null;
  rows: ManagerRow[];
  excluded: { memberId: number; name: string }[];
  /** Active managers who could still receive clients in this proposal. */
  eligibleCount: number;
  /** Clients going to someone who already has a voice with them (de-starring continuity). */
  known?: number;
}

export type ProposeResult =
  | { ok: true; view: ProposalView }
  | { ok: false; reason: "handover_not_found" | "handover_not_active" | "nothing_to_distribute" };

export interface OwnerBrief {
  memberId: number;
  name: string;
  telegramId: number | null;
  reachability: Reachability;
  count: number;
}

export interface NoticeClient {
  id: number;
  name: string;
  company: string | null;
  phones: string[];
  email: string | null;
  temperature: Temperature;
  nextContactOn: string | null;
  commitments: { kind: string; text: string; dueOn: string | null }[];
}

/** What a new owner is told after an apply: their clients, those with commitments or deadlines first. */
export interface AppliedNotice {
  distributionId: number;
  teamId: number;
  handoverId: number | null;
  owner: OwnerBrief;
  /** The leaver's name; null when the clients came from the pool. */
  fromName: string | null;
  clients: NoticeClient[];
}

export interface UndoneNotice {
  distributionId: number;
  teamId: number;
  owner: OwnerBrief;
  fromName: string | null;
}

/** Writes the messages to new owners into the outbox, inside the deciding transaction. */
export interface DistributionNotifier {
  applied(tx: DbOrTx, notice: AppliedNotice, now: Date): void;
  undone(tx: DbOrTx, notice: UndoneNotice, now: Date): void;
}

export type ApplyResult =
  | {
      kind: "applied";
      distributionId: number;
      handoverId: number | null;
      moved: number;
      /** Clients of the scope nobody received: now in the pool. */
      toPool: number;
      owners: OwnerBrief[];
      /** New owners the bot cannot write to: the lead must tell them. */
      unreachable: OwnerBrief[];
      stepDone: boolean;
      /** Active handovers whose clients this moved (its own, and those its pool clients came from): refresh their checklists. */
      handoverIds: number[];
    }
  | { kind: "not_found" }
  | { kind: "not_proposed"; status: DistributionStatus }
  | { kind: "handover_not_active" }
  | { kind: "stale" }
  | { kind: "empty" };

export type UndoResult =
  | { kind: "undone"; distributionId: number; handoverId: number | null; returned: number; owners: OwnerBrief[]; handoverIds: number[] }
  | { kind: "not_found" }
  | { kind: "not_applied"; status: DistributionStatus }
  | { kind: "calls_recorded" };

export type AdjustResult =
  | { ok: true; moved: number }
  | { ok: false; reason: "not_found" | "not_proposed" | "bad_manager" | "same_manager" | "too_many" | "bad_client" | "last_manager" };

// --- reading the scope -----------------------------------------------------------------------------

interface ScopeClient extends PlanClient {
  ownerId: number | null;
}

export interface Distribution {
  id: number;
  teamId: number;
  handoverId: number | null;
  status: DistributionStatus;
  createdAt: number;
}

interface MemberRow {
  id: number;
  name: string;
  role: string;
  status: string;
  weight: number;
  excluded: number;
  telegramId: number | null;
  reachability: Reachability;
}

function raw(db: Db): Database.Database {
  return db.$client;
}

/**
 * A handover's scope: the leaver's active clients, and those that landed in the pool with the leaver as
 * previous owner (a re-import after they left, or an undone distribution) or come from this handover
 * (clients.origin_handover_id). The pool's scope (null): every active client without an owner.
 */
type Scope = { leaverId: number; handoverId: number } | null;

function scopeWhere(scope: Scope): { clause: string; params: number[] } {
  return scope === null
    ? { clause: "c.owner_id IS NULL", params: [] }
    : {
        clause: "(c.owner_id = ? OR (c.owner_id IS NULL AND (c.previous_owner_id = ? OR c.origin_handover_id = ?)))",
        params: [scope.leaverId, scope.leaverId, scope.handoverId],
      };
}

function scopeOf(handover: Pick<HandoverRow, "id" | "leaverId"> | null): Scope {
  return handover === null ? null : { leaverId: handover.leaverId, handoverId: handover.id };
}

function loadScopeClients(db: Db, teamId: number, scope: Scope): ScopeClient[] {
  const where = scopeWhere(scope);
  const q = raw(db);
  // Deadlines in one grouped pass over the team's open commitments, not one sub-query per client.
  const deadlines = new Map<number, string>();
  const due = q
    .prepare(
      `SELECT k.client_id, min(k.due_on) FROM commitments k JOIN clients c ON c.id = k.client_id
        WHERE k.team_id = ? AND k.status = 'open' AND k.due_on IS NOT NULL AND c.team_id = ? AND c.status = 'active' AND ${where.clause}
        GROUP BY k.client_id`,
    )
    .raw()
    .all(teamId, teamId, ...where.params) as [number, string][];
  for (const [clientId, dueOn] of due) deadlines.set(clientId, dueOn);
  // One JSON string across the native boundary instead of 50,000 row arrays: a third of the time. The
  // index hands rows over in (owner, id) order; sorting in JS is cheaper than SQLite's temporary B-tree.
  const json = q
    .prepare(
      `SELECT json_group_array(json_array(c.id, c.temperature, c.company, c.next_contact_on, c.owner_id)) FROM clients c
        WHERE c.team_id = ? AND c.status = 'active' AND ${where.clause}`,
    )
    .pluck()
    .get(teamId, ...where.params) as string;
  const rows = JSON.parse(json) as [number, Temperature, string | null, string | null, number | null][];
  rows.sort((a, b) => a[0] - b[0]);
  return rows.map(([id, temperature, company, nextContactOn, ownerId]) => ({
    id,
    temperature,
    company,
    nextContactOn,
    ownerId,
    deadlineOn: deadlines.get(id) ?? null,
  }));
}

function countScope(db: Db, teamId: number, scope: Scope): number {
  // Two index ranges summed: with the OR of scopeWhere SQLite walks the whole team.
  const sql =
    scope === null
      ? `SELECT count(*) FROM clients WHERE team_id = ? AND owner_id IS NULL AND status = 'active'`
      : `SELECT (SELECT count(*) FROM clients WHERE team_id = ? AND owner_id = ? AND status = 'active')
              + (SELECT count(*) FROM clients WHERE team_id = ? AND owner_id IS NULL AND (previous_owner_id = ? OR origin_handover_id = ?) AND status = 'active')`;
  const params = scope === null ? [teamId] : [teamId, scope.leaverId, teamId, scope.leaverId, scope.handoverId];
  return raw(db).prepare(sql).pluck().get(...params) as number;
}

/**
 * Active clients per member and temperature, one grouped query. Only the team's members who may receive
 * clients count: the leaver's own (possibly huge) base is never scanned for it.
 */
function loadsOf(db: Db, teamId: number, leaverId: number | null): Map<number, TemperatureCounts> {
  const rows = raw(db)
    .prepare(
      `SELECT owner_id, temperature, count(*) FROM clients
        WHERE team_id = ? AND status = 'active'
          AND owner_id IN (SELECT id FROM members WHERE team_id = ? AND status != 'left' AND id IS NOT ?)
        GROUP BY owner_id, temperature`,
    )
    .raw()
    .all(teamId, teamId, leaverId) as [number, Temperature, number][];
  const loads = new Map<number, TemperatureCounts>();
  for (const [ownerId, temperature, n] of rows) {
    const load = loads.get(ownerId) ?? { hot: 0, warm: 0, cold: 0 };
    load[temperature] += n;
    loads.set(ownerId, load);
  }
  return loads;
}

function teamMembers(db: Db, teamId: number): MemberRow[] {
  return raw(db)
    .prepare(
      `SELECT id, name, role, status, weight, excluded, telegram_id AS telegramId, reachability
         FROM members WHERE team_id = ? AND status != 'left' ORDER BY id`,
    )
    .all(teamId) as MemberRow[];
}

export function getDistribution(db: Db, distributionId: number, teamId: number): Distribution | null {
  const row = raw(db)
    .prepare(
      `SELECT id, team_id AS teamId, handover_id AS handoverId, status, created_at AS createdAt
         FROM distributions WHERE id = ? AND team_id = ?`,
    )
    .get(distributionId, teamId) as Distribution | undefined;
  return row ?? null;
}

export interface HandoverRow {
  id: number;
  teamId: number;
  leaverId: number;
  status: string;
  leaverName: string;
}

export function getHandover(db: Db, handoverId: number): HandoverRow | null {
  const row = raw(db)
    .prepare(
      `SELECT h.id, h.team_id AS teamId, h.leaver_id AS leaverId, h.status, m.name AS leaverName
         FROM handovers h JOIN members m ON m.id = h.leaver_id WHERE h.id = ?`,
    )
    .get(handoverId) as HandoverRow | undefined;
  return row ?? null;
}

function teamCap(db: Db, teamId: number): number | null {
  const row = raw(db).prepare(`SELECT manager_cap AS cap FROM teams WHERE id = ?`).get(teamId) as { cap: number | null } | undefined;
  return row?.cap ?? null;
}

function teamTimezone(db: Db, teamId: number): string {
  const row = raw(db).prepare(`SELECT timezone FROM teams WHERE id = ?`).get(teamId) as { timezone: string } | undefined;
  return row?.timezone ?? "Europe/Moscow";
}

/** A manager who may receive clients: an active manager of the team, not the leaver, not excluded. */
function isEligible(m: MemberRow, leaverId: number | null, excluded: ReadonlySet<number>): boolean {
  return m.role === "manager" && m.status === "active" && !m.excluded && m.id !== leaverId && !excluded.has(m.id);
}

function auditFacts(db: Db, teamId: number, distributionId: number, action: string): Record<string, unknown>[] {
  const rows = raw(db)
    .prepare(
      `SELECT details FROM audit_log WHERE team_id = ? AND action = ? AND json_extract(details, '$.distributionId') = ? ORDER BY id`,
    )
    .all(teamId, action, distributionId) as { details: string }[];
  return rows.map((r) => JSON.parse(r.details) as Record<string, unknown>);
}

function excludedIn(db: Db, teamId: number, distributionId: number): Set<number> {
  return new Set(auditFacts(db, teamId, distributionId, "distribution.excluded").map((d) => Number(d.memberId)));
}

function recordedClientCount(db: Db, teamId: number, distributionId: number): number | null {
  const facts = auditFacts(db, teamId, distributionId, "distribution.proposed");
  const last = facts.at(-1);
  return last ? Number(last.clients) : null;
}

function audit(
  tx: DbOrTx,
  input: { teamId: number; handoverId: number | null; actorId: number | null; action: string; details: Record<string, unknown>; now: Date },
): void {
  tx.insert(auditLog)
    .values({
      teamId: input.teamId,
      handoverId: input.handoverId,
      actorId: input.actorId,
      action: input.action,
      details: input.details,
      at: input.now.getTime(),
    })
    .run();
}

// --- proposing -------------------------------------------------------------------------------------

export interface ProposeInput {
  teamId: number;
  actorId: number;
  now: Date;
  /** Managers left out of this proposal (carried over when a stale proposal is re-planned). */
  excludeMemberIds?: number[];
}

/** Proposes a split of a handover's leaver's clients over the team's other active managers. */
export function proposeForHandover(db: Db, input: ProposeInput & { handoverId: number }): ProposeResult {
  const handover = getHandover(db, input.handoverId);
  if (!handover || handover.teamId !== input.teamId) return { ok: false, reason: "handover_not_found" };
  if (handover.status !== "active") return { ok: false, reason: "handover_not_active" };
  return propose(db, input, { handoverId: handover.id, leaverId: handover.leaverId });
}

/** Proposes a split of the team's unassigned pool. */
export function proposeForPool(db: Db, input: ProposeInput): ProposeResult {
  return propose(db, input, { handoverId: null, leaverId: null });
}

function propose(db: Db, input: ProposeInput, scope: { handoverId: number | null; leaverId: number | null }): ProposeResult {
  const planned = db.transaction((tx) => {
    const clientsInScope = loadScopeClients(db, input.teamId, scope.handoverId === null || scope.leaverId === null ? null : { leaverId: scope.leaverId, handoverId: scope.handoverId });
    if (clientsInScope.length === 0) return null;
    const excluded = new Set(input.excludeMemberIds ?? []);
    const today = localDate(input.now, teamTimezone(db, input.teamId));
    // Fair first; then, within exactly the same loads, clients go to someone who already knows them.
    const voices = voicesOfClients(db, input.teamId, clientsInScope.map((c) => c.id), teamVoiceCutoff(db, input.teamId, input.now));
    const plan = preferKnownManagers(
      planDistribution({ clients: clientsInScope, managers: planManagers(db, input.teamId, scope.leaverId, excluded), today }),
      clientsInScope,
      voices,
      today,
    );

    // One open proposal per scope: an older table's buttons become stale.
    raw(db)
      .prepare(`UPDATE distributions SET status = 'cancelled' WHERE team_id = ? AND status = 'proposed' AND handover_id IS ?`)
      .run(input.teamId, scope.handoverId);
    const distributionId = tx
      .insert(distributions)
      .values({ teamId: input.teamId, handoverId: scope.handoverId, createdById: input.actorId, status: "proposed", createdAt: input.now.getTime() })
      .returning({ id: distributions.id })
      .get().id;

    const ownerOf = new Map<number, number | null>();
    for (const c of clientsInScope) ownerOf.set(c.id, c.ownerId);
    insertItems(db, distributionId, plan.assignments.map((a) => [a.clientId, ownerOf.get(a.clientId) ?? null, a.managerId]));

    const base = { teamId: input.teamId, handoverId: null, actorId: input.actorId, now: input.now };
    audit(tx, {
      ...base,
      action: "distribution.proposed",
      details: { distributionId, handoverId: scope.handoverId, clients: clientsInScope.length, unassigned: plan.unassigned.length },
    });
    for (const memberId of excluded) audit(tx, { ...base, action: "distribution.excluded", details: { distributionId, memberId } });
    const added = new Map<number, TemperatureCounts>();
    for (const m of plan.perManager) if (m.added.hot + m.added.warm + m.added.cold > 0) added.set(m.managerId, m.added);
    return { distributionId, added };
  });
  if (planned === null) return { ok: false, reason: "nothing_to_distribute" };
  return { ok: true, view: proposalView(db, planned.distributionId, input.teamId, planned.added)! };
}

const ITEMS_PER_INSERT = 500;

/** Multi-row INSERTs of 500 (2,000 parameters): far fewer round trips than one statement per item. */
function insertItems(db: Db, distributionId: number, items: [clientId: number, fromId: number | null, toId: number][]): void {
  const q = raw(db);
  const sqlFor = (n: number) =>
    `INSERT INTO distribution_items (distribution_id, client_id, from_member_id, to_member_id) VALUES ${Array(n).fill("(?, ?, ?, ?)").join(", ")}`;
  const full = items.length >= ITEMS_PER_INSERT ? q.prepare(sqlFor(ITEMS_PER_INSERT)) : null;
  for (let i = 0; i < items.length; i += ITEMS_PER_INSERT) {
    const chunk = items.slice(i, i + ITEMS_PER_INSERT);
    const params: (number | null)[] = [];
    for (const [clientId, fromId, toId] of chunk) params.push(distributionId, clientId, fromId, toId);
    (chunk.length === ITEMS_PER_INSERT && full ? full : q.prepare(sqlFor(chunk.length))).run(...params);
  }
}

function planManagers(db: Db, teamId: number, leaverId: number | null, excluded: ReadonlySet<number>, extraLoad?: Map<number, TemperatureCounts>): PlanManager[] {
  const loads = loadsOf(db, teamId, leaverId);
  const cap = teamCap(db, teamId);
  return teamMembers(db, teamId)
    .filter((m) => isEligible(m, leaverId, excluded))
    .map((m) => {
      const load = { ...(loads.get(m.id) ?? { hot: 0, warm: 0, cold: 0 }) };
      const extra = extraLoad?.get(m.id);
      if (extra) for (const t of TEMPERATURES) load[t] += extra[t];
      return { id: m.id, weight: m.weight, excluded: false, departing: false, load, cap };
    });
}

const TEMPERATURES: readonly Temperature[] = ["hot", "warm", "cold"];

/** The table of a distribution as it stands now; null when it is not this team's. */
export function getProposalView(db: Db, distributionId: number, teamId: number): ProposalView | null {
  return proposalView(db, distributionId, teamId, null);
}

/** `knownAdded`: what each manager gets, when the caller has just planned it (no need to count it back). */
function proposalView(db: Db, distributionId: number, teamId: number, knownAdded: Map<number, TemperatureCounts> | null): ProposalView | null {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return null;
  const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
  const leaverId = handover?.leaverId ?? null;
  const excluded = excludedIn(db, teamId, distributionId);
  const people = teamMembers(db, teamId);
  const loads = loadsOf(db, teamId, leaverId);
  const cap = teamCap(db, teamId);

  const added = knownAdded ?? addedPerManager(db, distributionId);
  let assigned = 0;
  for (const a of added.values()) assigned += a.hot + a.warm + a.cold;
  const withCommitments = (
    raw(db)
      .prepare(
        `SELECT count(*) AS n FROM distribution_items di WHERE di.distribution_id = ?
           AND EXISTS (SELECT 1 FROM commitments k WHERE k.client_id = di.client_id AND k.status = 'open')`,
      )
      .get(distributionId) as { n: number }
  ).n;

  const nameOf = new Map<number, string>();
  for (const m of people) nameOf.set(m.id, m.name);
  if (added.size > 0) {
    // Targets who left the team since still need a name in the table.
    const missing = [...added.keys()].filter((id) => !nameOf.has(id));
    for (const id of missing) {
      const row = raw(db).prepare(`SELECT name FROM members WHERE id = ?`).get(id) as { name: string } | undefined;
      nameOf.set(id, row?.name ?? "—");
    }
  }
  const eligible = people.filter((m) => isEligible(m, leaverId, excluded));
  const shown = new Set<number>([...eligible.map((m) => m.id), ...added.keys()]);
  const rows: ManagerRow[] = [...shown].map((memberId) => {
    const a = added.get(memberId) ?? { hot: 0, warm: 0, cold: 0 };
    const load = loads.get(memberId) ?? { hot: 0, warm: 0, cold: 0 };
    const addedTotal = a.hot + a.warm + a.cold;
    const total = load.hot + load.warm + load.cold + addedTotal;
    return { memberId, name: nameOf.get(memberId) ?? "—", added: a, addedTotal, total, overCap: cap !== null && total > cap };
  });
  rows.sort((x, y) => x.name.localeCompare(y.name, "ru") || x.memberId - y.memberId);

  const clientCount = recordedClientCount(db, teamId, distributionId) ?? assigned;
  return {
    distributionId,
    teamId,
    handoverId: dist.handoverId,
    status: dist.status,
    leaver: handover ? { id: handover.leaverId, name: handover.leaverName } : null,
    clientCount,
    assigned,
    unassigned: Math.max(0, clientCount - assigned),
    withCommitments,
    cap,
    rows,
    excluded: [...excluded].map((memberId) => ({ memberId, name: nameOf.get(memberId) ?? "—" })),
    eligibleCount: eligible.length,
    known: knownCount(db, distributionId, teamVoiceCutoff(db, teamId, new Date(dist.createdAt))),
  };
}

function addedPerManager(db: Db, distributionId: number): Map<number, TemperatureCounts> {
  const added = new Map<number, TemperatureCounts>();
  const perTarget = raw(db)
    .prepare(
      `SELECT di.to_member_id AS memberId, c.temperature, count(*) AS n FROM distribution_items di
         JOIN clients c ON c.id = di.client_id WHERE di.distribution_id = ? GROUP BY di.to_member_id, c.temperature`,
    )
    .all(distributionId) as { memberId: number; temperature: Temperature; n: number }[];
  for (const r of perTarget) {
    const a = added.get(r.memberId) ?? { hot: 0, warm: 0, cold: 0 };
    a[r.temperature] += r.n;
    added.set(r.memberId, a);
  }
  return added;
}

/** The managers a lead may exclude from, or move clients to in, this proposal. */
export function eligibleManagers(db: Db, distributionId: number, teamId: number): { memberId: number; name: string }[] {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return [];
  const leaverId = dist.handoverId === null ? null : (getHandover(db, dist.handoverId)?.leaverId ?? null);
  const excluded = excludedIn(db, teamId, distributionId);
  return teamMembers(db, teamId)
    .filter((m) => isEligible(m, leaverId, excluded))
    .map((m) => ({ memberId: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.memberId - b.memberId);
}

/** The managers excluded in this proposal (to carry them over to a re-plan). */
export function excludedManagers(db: Db, distributionId: number, teamId: number): number[] {
  return [...excludedIn(db, teamId, distributionId)];
}

// --- adjusting -------------------------------------------------------------------------------------

function openProposal(db: Db, distributionId: number, teamId: number): Distribution | "not_found" | "not_proposed" {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return "not_found";
  if (dist.status !== "proposed") return "not_proposed";
  return dist;
}

function isTarget(db: Db, dist: Distribution, memberId: number): boolean {
  return eligibleManagers(db, dist.id, dist.teamId).some((m) => m.memberId === memberId);
}

/**
 * Moves `count` of one manager's proposed clients to another. Taken from every temperature in turn
 * (hot, warm, cold, hot…), newest first, so the move keeps the mix of the rest.
 */
export function moveClients(
  db: Db,
  input: { distributionId: number; teamId: number; fromId: number; toId: number; count: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    if (input.fromId === input.toId) return { ok: false, reason: "same_manager" };
    if (!isTarget(db, dist, input.toId)) return { ok: false, reason: "bad_manager" };
    const items = raw(db)
      .prepare(
        `SELECT di.client_id AS clientId, c.temperature FROM distribution_items di JOIN clients c ON c.id = di.client_id
          WHERE di.distribution_id = ? AND di.to_member_id = ? ORDER BY di.client_id DESC`,
      )
      .all(dist.id, input.fromId) as { clientId: number; temperature: Temperature }[];
    if (!Number.isInteger(input.count) || input.count < 1) return { ok: false, reason: "too_many" };
    if (items.length < input.count) return { ok: false, reason: items.length === 0 ? "bad_manager" : "too_many" };

    const queues = TEMPERATURES.map((t) => items.filter((i) => i.temperature === t));
    const chosen: number[] = [];
    for (let t = 0; chosen.length < input.count; t = (t + 1) % 3) {
      const next = queues[t]!.shift();
      if (next) chosen.push(next.clientId);
    }
    const update = raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`);
    for (const clientId of chosen) update.run(input.toId, dist.id, clientId);
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.moved",
      details: { distributionId: dist.id, from: input.fromId, to: input.toId, count: chosen.length },
      now: input.now,
    });
    return { ok: true, moved: chosen.length };
  });
}

/** Gives one client of the proposal to another manager. */
export function moveClient(
  db: Db,
  input: { distributionId: number; teamId: number; clientId: number; toId: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    const item = raw(db)
      .prepare(`SELECT to_member_id AS toId FROM distribution_items WHERE distribution_id = ? AND client_id = ?`)
      .get(dist.id, input.clientId) as { toId: number } | undefined;
    if (!item) return { ok: false, reason: "bad_client" };
    if (item.toId === input.toId) return { ok: false, reason: "same_manager" };
    if (!isTarget(db, dist, input.toId)) return { ok: false, reason: "bad_manager" };
    raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`).run(input.toId, dist.id, input.clientId);
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.moved",
      details: { distributionId: dist.id, clientId: input.clientId, from: item.toId, to: input.toId, count: 1 },
      now: input.now,
    });
    return { ok: true, moved: 1 };
  });
}

/**
 * Leaves a manager out of this proposal: their proposed clients are planned again over the others (whose
 * loads count what the proposal already gives them, so manual moves are kept). With nobody left, those
 * clients stay unassigned and go to the pool on apply.
 */
export function excludeManager(
  db: Db,
  input: { distributionId: number; teamId: number; memberId: number; actorId: number; now: Date },
): AdjustResult {
  return db.transaction((tx) => {
    const dist = openProposal(db, input.distributionId, input.teamId);
    if (typeof dist === "string") return { ok: false, reason: dist };
    if (!isTarget(db, dist, input.memberId)) return { ok: false, reason: "bad_manager" };
    const leaverId = dist.handoverId === null ? null : (getHandover(db, dist.handoverId)?.leaverId ?? null);
    const excluded = excludedIn(db, input.teamId, dist.id);
    excluded.add(input.memberId);

    const theirs = raw(db)
      .prepare(
        `SELECT c.id, c.temperature, c.company, c.next_contact_on AS nextContactOn,
                (SELECT min(k.due_on) FROM commitments k WHERE k.client_id = c.id AND k.status = 'open') AS deadlineOn
           FROM distribution_items di JOIN clients c ON c.id = di.client_id
          WHERE di.distribution_id = ? AND di.to_member_id = ? ORDER BY c.id`,
      )
      .all(dist.id, input.memberId) as PlanClient[];
    const alreadyAdded = new Map<number, TemperatureCounts>();
    const perTarget = raw(db)
      .prepare(
        `SELECT di.to_member_id AS memberId, c.temperature, count(*) AS n FROM distribution_items di
           JOIN clients c ON c.id = di.client_id WHERE di.distribution_id = ? AND di.to_member_id != ?
          GROUP BY di.to_member_id, c.temperature`,
      )
      .all(dist.id, input.memberId) as { memberId: number; temperature: Temperature; n: number }[];
    for (const r of perTarget) {
      const a = alreadyAdded.get(r.memberId) ?? { hot: 0, warm: 0, cold: 0 };
      a[r.temperature] += r.n;
      alreadyAdded.set(r.memberId, a);
    }
    const plan = planDistribution({
      clients: theirs,
      managers: planManagers(db, input.teamId, leaverId, excluded, alreadyAdded),
      today: localDate(input.now, teamTimezone(db, input.teamId)),
    });
    const update = raw(db).prepare(`UPDATE distribution_items SET to_member_id = ? WHERE distribution_id = ? AND client_id = ?`);
    for (const a of plan.assignments) update.run(a.managerId, dist.id, a.clientId);
    const remove = raw(db).prepare(`DELETE FROM distribution_items WHERE distribution_id = ? AND client_id = ?`);
    for (const clientId of plan.unassigned) remove.run(dist.id, clientId);
    audit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "distribution.excluded",
      details: { distributionId: dist.id, memberId: input.memberId },
      now: input.now,
    });
    return { ok: true, moved: theirs.length };
  });
}

export interface FoundClient {
  clientId: number;
  name: string;
  company: string | null;
  toMemberId: number;
  toName: string;
  /** The first phone's last four digits (to tell two namesakes apart), or null. */
  phoneTail: string | null;
}

function firstPhoneTail(phonesJson: string): string | null {
  const first = String((JSON.parse(phonesJson || "[]") as string[])[0] ?? "").replace(/\D/g, "");
  return first.length >= 4 ? first.slice(-4) : null;
}

/** Finds clients of the proposal by part of the name, the company or a phone number. */
export function searchProposalClients(
  db: Db,
  input: { distributionId: number; teamId: number; query: string; limit?: number },
): { found: FoundClient[]; total: number } {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return { found: [], total: 0 };
  const needle = normaliseText(input.query);
  const digits = input.query.replace(/\D/g, "");
  if (needle.length === 0 && digits.length < 3) return { found: [], total: 0 };
  const rows = raw(db)
    .prepare(
      `SELECT c.id AS clientId, c.name, c.company, c.phones, di.to_member_id AS toMemberId, m.name AS toName
         FROM distribution_items di JOIN clients c ON c.id = di.client_id JOIN members m ON m.id = di.to_member_id
        WHERE di.distribution_id = ? ORDER BY c.name, c.id`,
    )
    .all(dist.id) as (Omit<FoundClient, "phoneTail"> & { phones: string })[];
  const matches = rows.filter((r) => {
    if (needle.length > 0 && (normaliseText(r.name).includes(needle) || normaliseText(r.company ?? "").includes(needle))) return true;
    return digits.length >= 3 && r.phones.replace(/\D/g, "").includes(digits);
  });
  return {
    found: matches.slice(0, input.limit ?? 10).map(({ phones, ...rest }) => ({ ...rest, phoneTail: firstPhoneTail(phones) })),
    total: matches.length,
  };
}

/** Case-, ё- and space-insensitive, so «семёнов» finds «Семенов». */
function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** Cancels a proposal; nothing else changes. */
export function cancelProposal(db: Db, input: { distributionId: number; teamId: number }): "cancelled" | "not_found" | DistributionStatus {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return "not_found";
  if (dist.status !== "proposed") return dist.status;
  db.update(distributions).set({ status: "cancelled" }).where(and(eq(distributions.id, dist.id), eq(distributions.status, "proposed"))).run();
  return "cancelled";
}

// --- applying --------------------------------------------------------------------------------------

export interface ApplyInput {
  distributionId: number;
  teamId: number;
  actorId: number;
  now: Date;
}

/**
 * Applies a proposal in one transaction: owners, commitments, history, the pool, the checklist step. The
 * reactivation calls and the new owners' messages follow in a second one (followUpDistribution), which
 * the caller runs next and the scheduler finishes if a crash came in between. Refuses a proposal that is
 * no longer open (a double tap) and a stale one (clients or managers changed since it was made): the
 * caller re-plans and shows the new table.
 */
export function applyDistribution(db: Db, input: ApplyInput): ApplyResult {
  return applying(db, input, (tx, { dist, handover }) => {
    const items = itemCount(db, dist.id);
    // Nobody to give the clients to: only "take them myself" or cancel make sense.
    if (items === 0) return { kind: "empty" };
    if (isStale(db, dist)) return { kind: "stale" };
    return applyInTransaction(db, tx, dist, handover, input, { items, scope: recordedClientCount(db, dist.teamId, dist.id) });
  });
}

/** "Take them myself": the lead becomes the owner of every client of the scope, in one transaction. */
export function takeOverDistribution(db: Db, input: ApplyInput): ApplyResult {
  return applying(db, input, (tx, { dist, handover }) => {
    // Whatever the scope holds now goes to the lead: no stale proposal is possible here.
    const scope = loadScopeClients(db, dist.teamId, scopeOf(handover));
    if (scope.length === 0) return { kind: "empty" };
    raw(db).prepare(`DELETE FROM distribution_items WHERE distribution_id = ?`).run(dist.id);
    insertItems(db, dist.id, scope.map((c) => [c.id, c.ownerId, input.actorId]));
    return applyInTransaction(db, tx, dist, handover, input, { items: scope.length, scope: scope.length });
  });
}

/** Thrown inside the apply when a client of the proposal has changed since: the transaction rolls back. */
class StaleProposal extends Error {}

/** The checks both ways of applying share, and the transaction `apply` runs in. */
function applying(
  db: Db,
  input: ApplyInput,
  apply: (tx: Tx, open: { dist: Distribution; handover: HandoverRow | null }) => ApplyResult,
): ApplyResult {
  try {
    return db.transaction((tx) => {
      const dist = getDistribution(db, input.distributionId, input.teamId);
      if (!dist) return { kind: "not_found" };
      if (dist.status !== "proposed") return { kind: "not_proposed", status: dist.status };
      const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
      if (handover && handover.status !== "active") return { kind: "handover_not_active" };
      return apply(tx, { dist, handover });
    });
  } catch (err) {
    if (err instanceof StaleProposal) return { kind: "stale" };
    throw err;
  }
}

function itemCount(db: Db, distributionId: number): number {
  return (raw(db).prepare(`SELECT count(*) AS n FROM distribution_items WHERE distribution_id = ?`).get(distributionId) as { n: number }).n;
}

/**
 * Stale: a new owner can no longer receive clients (left, departing, excluded in the settings). A client
 * of the proposal that changed, and a scope that grew or shrank, are noticed by the owner update itself
 * (see applyInTransaction): counting 50,000 clients twice would cost more than the update.
 */
function isStale(db: Db, dist: Distribution): boolean {
  const q = raw(db);
  const badTargets = (
    q
      .prepare(
        `SELECT count(*) AS n FROM (SELECT DISTINCT to_member_id AS id FROM distribution_items WHERE distribution_id = ?) t
           JOIN members m ON m.id = t.id WHERE m.team_id != ? OR m.status != 'active' OR m.excluded = 1 OR m.role != 'manager'`,
      )
      .get(dist.id, dist.teamId) as { n: number }
  ).n;
  return badTargets > 0;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** `expected`: the proposal's items, and the clients its scope held when it was made (null: not recorded). */
function applyInTransaction(
  db: Db,
  tx: Tx,
  dist: Distribution,
  handover: HandoverRow | null,
  input: ApplyInput,
  expected: { items: number; scope: number | null },
): ApplyResult {
  const q = raw(db);
  const now = input.now.getTime();
  const leaverId = handover?.leaverId ?? null;

  // Owner change, set-based: the previous owner is remembered (a pool client keeps the one it had). Only
  // clients still as the proposal found them change; one fewer means the proposal is stale: roll back.
  const moved = q
    .prepare(
      `UPDATE clients SET owner_id = di.to_member_id, previous_owner_id = coalesce(clients.owner_id, clients.previous_owner_id),
              unassigned_since = NULL, updated_at = ?
         FROM distribution_items di WHERE di.distribution_id = ? AND di.client_id = clients.id
          AND clients.team_id = ? AND clients.status = 'active' AND clients.owner_id IS di.from_member_id`,
    )
    .run(now, dist.id, dist.teamId).changes;
  if (moved !== expected.items) throw new StaleProposal();
  // What is left of the scope now must be exactly what the proposal left out: more is a client added since.
  if (expected.scope !== null && countScope(db, dist.teamId, scopeOf(handover)) !== expected.scope - moved) throw new StaleProposal();
  // Open commitments follow their client.
  q.prepare(
    `UPDATE commitments SET owner_id = di.to_member_id FROM distribution_items di
      WHERE di.distribution_id = ? AND commitments.client_id = di.client_id AND commitments.status = 'open'`,
  ).run(dist.id);
  // So do their open calls, whoever had them (the leaver, or the last owner of a pool client): a promised
  // call back keeps its day and reaches the person who now owns the client. Walks the team's open calls
  // (calls_team_status_idx), never more than one probe per call.
  q.prepare(
    `UPDATE calls SET assignee_id = di.to_member_id FROM distribution_items di
      WHERE calls.team_id = ? AND calls.status = 'open' AND di.distribution_id = ? AND calls.client_id = di.client_id
        AND calls.assignee_id != di.to_member_id`,
  ).run(dist.teamId, dist.id);
  q.prepare(
    `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
     SELECT ?, di.client_id, ?, 'assigned',
            json_object('distributionId', di.distribution_id, 'from', di.from_member_id, 'to', di.to_member_id), ?
       FROM distribution_items di WHERE di.distribution_id = ?`,
  ).run(dist.teamId, input.actorId, now, dist.id);

  // No client is left behind: what the leaver still owns goes to the pool, with the leaver remembered.
  if (leaverId !== null) {
    const left = q
      .prepare(`SELECT id FROM clients WHERE team_id = ? AND owner_id = ? AND status = 'active'`)
      .all(dist.teamId, leaverId) as { id: number }[];
    if (left.length > 0) {
      const toPoolStmt = q.prepare(
        `UPDATE clients SET owner_id = NULL, previous_owner_id = ?, unassigned_since = ?, updated_at = ? WHERE id = ?`,
      );
      const freeCommitments = q.prepare(`UPDATE commitments SET owner_id = NULL WHERE client_id = ? AND status = 'open'`);
      const event = q.prepare(
        `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, 'unassigned', ?, ?)`,
      );
      const details = JSON.stringify({ distributionId: dist.id, from: leaverId });
      for (const { id } of left) {
        toPoolStmt.run(leaverId, now, now, id);
        freeCommitments.run(id);
        event.run(dist.teamId, id, input.actorId, details, now);
      }
    }
  }
  const toPool = countScope(db, dist.teamId, scopeOf(handover));

  tx.update(distributions).set({ status: "applied", appliedAt: now }).where(eq(distributions.id, dist.id)).run();
  const handoverIds = handoversOf(db, dist);
  const stepDone = completeSteps(db, tx, dist, leaverId, input.now, handoverIds);
  const owners = ownersOf(db, dist.id);
  audit(tx, {
    teamId: dist.teamId,
    handoverId: dist.handoverId,
    actorId: input.actorId,
    action: "distribution.applied",
    details: { distributionId: dist.id, moved, toPool, owners: owners.map((o) => ({ memberId: o.memberId, count: o.count })) },
    now: input.now,
  });
  return {
    kind: "applied",
    distributionId: dist.id,
    handoverId: dist.handoverId,
    moved,
    toPool,
    owners,
    unreachable: owners.filter((o) => !isReachable(o)),
    stepDone,
    handoverIds,
  };
}

/**
 * The active handovers a distribution's clients belong to: its own, and the ones its clients came from
 * (clients.origin_handover_id), so a leaver's client distributed from the pool still counts for its handover.
 */
function handoversOf(db: Db, dist: Distribution): number[] {
  const origins = raw(db)
    .prepare(
      `SELECT DISTINCT h.id FROM distribution_items di JOIN clients c ON c.id = di.client_id
         JOIN handovers h ON h.id = c.origin_handover_id AND h.status = 'active' WHERE di.distribution_id = ?`,
    )
    .pluck()
    .all(dist.id) as number[];
  return [...new Set([...(dist.handoverId !== null ? [dist.handoverId] : []), ...origins])].sort((a, b) => a - b);
}

export function isReachable(o: Pick<OwnerBrief, "telegramId" | "reachability">): boolean {
  return o.telegramId !== null && o.reachability === "ok";
}

/**
 * The redistribute step of a handover completes when nothing of the leaver is left: no active client
 * owned, none waiting in the pool for this handover (the checklist's own rule). A pool distribution that
 * takes the last of a leaver's clients completes their handover's step too.
 */
function completeSteps(db: Db, tx: Tx, dist: Distribution, leaverId: number | null, now: Date, origins: number[]): boolean {
  const candidates: { handoverId: number }[] =
    leaverId !== null && dist.handoverId !== null
      ? [{ handoverId: dist.handoverId }]
      : [...origins.map((handoverId) => ({ handoverId })), ...(raw(db)
          .prepare(
            `SELECT h.id AS handoverId FROM handovers h
              WHERE h.team_id = ? AND h.status = 'active'
                AND EXISTS (SELECT 1 FROM distribution_items di JOIN clients c ON c.id = di.client_id
                             WHERE di.distribution_id = ? AND c.previous_owner_id = h.leaver_id)`,
          )
          .all(dist.teamId, dist.id) as { handoverId: number }[])];
  let done = false;
  for (const c of candidates) {
    const handover = getChecklistHandover(tx, c.handoverId);
    if (!handover) continue;
    const left = handoverClientCounts(tx, handover);
    if (left.ownedByLeaver > 0 || left.unassigned > 0) continue;
    if (markStepDoneAutomatically(tx, { handoverId: c.handoverId, kind: "redistribute", now })) done = true;
  }
  return done;
}

/** The new owners of a distribution, with how many clients each got. */
export function ownersOf(db: Db, distributionId: number): OwnerBrief[] {
  return raw(db)
    .prepare(
      // Counted before the join: one members lookup per owner, not per client.
      `SELECT m.id AS memberId, m.name, m.telegram_id AS telegramId, m.reachability, g.n AS count
         FROM (SELECT to_member_id AS id, count(*) AS n FROM distribution_items WHERE distribution_id = ? GROUP BY to_member_id) g
         JOIN members m ON m.id = g.id ORDER BY m.name, m.id`,
    )
    .all(distributionId) as OwnerBrief[];
}

// --- undoing ---------------------------------------------------------------------------------------

/**
 * Undoes an applied distribution in one transaction, unless a call of it has been recorded: every client
 * still with the owner it got goes back to the pool (the previous owner stays remembered), their open
 * commitments with them, the reactivation calls are cancelled and the new owners told.
 */
export function undoDistribution(
  db: Db,
  input: { distributionId: number; teamId: number; actorId: number; now: Date; notifier?: DistributionNotifier },
): UndoResult {
  return db.transaction((tx) => {
    const dist = getDistribution(db, input.distributionId, input.teamId);
    if (!dist) return { kind: "not_found" };
    if (dist.status !== "applied") return { kind: "not_applied", status: dist.status };
    if (hasRecordedCalls(tx, dist.id)) return { kind: "calls_recorded" };
    const q = raw(db);
    const now = input.now.getTime();
    const owners = ownersOf(db, dist.id);
    const handoverIds = handoversOf(db, dist);

    // Only clients nobody has moved since: a later change by hand is not undone behind anyone's back.
    const stillOurs = `FROM distribution_items di JOIN clients c ON c.id = di.client_id
       WHERE di.distribution_id = ? AND c.owner_id = di.to_member_id AND c.status = 'active'`;
    q.prepare(
      `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
       SELECT ?, di.client_id, ?, 'unassigned', json_object('distributionId', di.distribution_id, 'undo', json('true'), 'from', di.to_member_id), ?
       ${stillOurs}`,
    ).run(dist.teamId, input.actorId, now, dist.id);
    q.prepare(
      `UPDATE commitments SET owner_id = NULL FROM distribution_items di JOIN clients c ON c.id = di.client_id
        WHERE di.distribution_id = ? AND commitments.client_id = di.client_id AND commitments.status = 'open'
          AND c.owner_id = di.to_member_id AND c.status = 'active'`,
    ).run(dist.id);
    const returned = q
      .prepare(
        `UPDATE clients SET owner_id = NULL, unassigned_since = ?, updated_at = ?
           FROM distribution_items di WHERE di.distribution_id = ? AND di.client_id = clients.id
            AND clients.owner_id = di.to_member_id AND clients.status = 'active'`,
      )
      .run(now, now, dist.id).changes;

    // Other open calls of the returned clients stay with the manager who had them, a member still here,
    // until the client's next owner takes them over with it.
    cancelReactivationCalls(tx, dist.id);
    tx.update(distributions).set({ status: "undone", undoneAt: now }).where(eq(distributions.id, dist.id)).run();
    // With the clients back in the pool, the handover's redistribute step is open again.
    for (const handoverId of handoverIds) reopenStepAutomatically(tx, { handoverId, kind: "redistribute", now: input.now });
    audit(tx, {
      teamId: dist.teamId,
      handoverId: dist.handoverId,
      actorId: input.actorId,
      action: "distribution.undone",
      details: { distributionId: dist.id, returned },
      now: input.now,
    });
    // Owners who were never told they got the clients (the follow-up had not run) are not told they lost them.
    const told = (q.prepare(`SELECT followed_up_at AS at FROM distributions WHERE id = ?`).get(dist.id) as { at: number | null }).at !== null;
    if (!told) q.prepare(`UPDATE distributions SET followed_up_at = ? WHERE id = ?`).run(now, dist.id);
    if (input.notifier && told) {
      const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
      for (const owner of owners) {
        if (owner.memberId === input.actorId) continue; // the lead sees the confirmation
        input.notifier.undone(tx, { distributionId: dist.id, teamId: dist.teamId, owner, fromName: handover?.leaverName ?? null }, input.now);
      }
    }
    return { kind: "undone", distributionId: dist.id, handoverId: dist.handoverId, returned, owners, handoverIds };
  });
}

// --- small reads for the bot -------------------------------------------------------------------------

export function distributionStatus(db: Db, distributionId: number, teamId: number): DistributionStatus | null {
  return getDistribution(db, distributionId, teamId)?.status ?? null;
}

/** Whether the undo button still makes sense (applied, and no call recorded yet). */
export function canUndo(db: Db, distributionId: number, teamId: number): boolean {
  const dist = getDistribution(db, distributionId, teamId);
  return dist?.status === "applied" && !hasRecordedCalls(db, dist.id);
}

/** How many active clients wait in the team's unassigned pool. */
export function poolSize(db: Db, teamId: number): number {
  return countScope(db, teamId, null);
}
