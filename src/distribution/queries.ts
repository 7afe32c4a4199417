/**
 * The distribution's reads and the few writes every verb shares: its scope, the team's members and
 * loads, the facts of a proposal kept in the audit log, its items and new owners.
 *
 * Two facts of a proposal have no column of their own and live in the audit log (rows without a handover,
 * so the handover's History shows only what really changed): how many clients the scope held when it was
 * proposed (`distribution.proposed`, to notice a stale proposal), and the managers the lead excluded from it
 * (`distribution.excluded`).
 *
 * Everything goes through drizzle but three reads and a write the bench showed drizzle too slow for, each
 * with its measured reason: reading a 50,000-client scope (loadScopeClients), writing a proposal's items
 * (insertItems) and a new owner's clients for their message (noticeClients).
 */
import type Database from "better-sqlite3";
import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditLog, clients, distributionItems, distributions, handovers, members, teams, type Reachability, type Temperature } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import type { PlanClient } from "./plan.js";
import { getHandover } from "../handover/checklist.js";
import type { Distribution, DistributionHeader, HandoverRow, NoticeClient, OwnerBrief, TemperatureCounts } from "./types.js";
import { preparedOnce } from "../db/prepared.js";

export interface ScopeClient extends PlanClient {
  ownerId: number | null;
}

export interface MemberRow {
  id: number;
  name: string;
  role: string;
  status: string;
  weight: number;
  excluded: boolean;
  telegramId: number | null;
  reachability: Reachability;
}

/** The better-sqlite3 handle under drizzle: only for the statements below with a measured reason. */
function raw(db: Db): Database.Database {
  return db.$client;
}

/**
 * A handover's scope: the leaver's active clients, and those that landed in the pool with the leaver as
 * previous owner (a re-import after they left, or an undone distribution) or come from this handover
 * (clients.origin_handover_id). The pool's scope (null): every active client without an owner.
 */
export type Scope = { leaverId: number; handoverId: number } | null;

/** The scope as a drizzle condition on `clients`. */
export function inScope(scope: Scope): SQL {
  return scope === null
    ? isNull(clients.ownerId)
    : or(eq(clients.ownerId, scope.leaverId), and(isNull(clients.ownerId), or(eq(clients.previousOwnerId, scope.leaverId), eq(clients.originHandoverId, scope.handoverId))))!;
}

/** The same as SQL text with parameters, for loadScopeClients. */
function scopeWhere(scope: Scope): { clause: string; params: number[] } {
  return scope === null
    ? { clause: "c.owner_id IS NULL", params: [] }
    : {
        clause: "(c.owner_id = ? OR (c.owner_id IS NULL AND (c.previous_owner_id = ? OR c.origin_handover_id = ?)))",
        params: [scope.leaverId, scope.leaverId, scope.handoverId],
      };
}

export function scopeOf(handover: Pick<HandoverRow, "id" | "leaverId"> | null): Scope {
  return handover === null ? null : { leaverId: handover.leaverId, handoverId: handover.id };
}

/**
 * The scope's clients for the plan. Raw SQL, measured: drizzle's select of the same 50,000 rows takes 2.5×
 * as long (307–389 vs 122–143 ms, bench/distribution.bench.ts's world, one run under load).
 */
export function loadScopeClients(db: Db, teamId: number, scope: Scope): ScopeClient[] {
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

export function countScope(db: Db, teamId: number, scope: Scope): number {
  // Two index ranges summed: with the OR of inScope SQLite walks the whole team.
  const active = and(eq(clients.teamId, teamId), eq(clients.status, "active"));
  const pool = db.select({ n: count() }).from(clients).where(and(active, isNull(clients.ownerId), scope === null ? undefined : or(eq(clients.previousOwnerId, scope.leaverId), eq(clients.originHandoverId, scope.handoverId)))).get()!.n;
  if (scope === null) return pool;
  return pool + db.select({ n: count() }).from(clients).where(and(active, eq(clients.ownerId, scope.leaverId))).get()!.n;
}

/**
 * Active clients per member and temperature, one grouped query. Only the team's members who may receive
 * clients count: the leaver's own (possibly huge) base is never scanned for it.
 */
export function loadsOf(db: Db, teamId: number, leaverId: number | null): Map<number, TemperatureCounts> {
  const receivers = db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.teamId, teamId), ne(members.status, "left"), sql`${members.id} IS NOT ${leaverId}`));
  const rows = db
    .select({ ownerId: clients.ownerId, temperature: clients.temperature, n: count() })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), eq(clients.status, "active"), inArray(clients.ownerId, receivers)))
    .groupBy(clients.ownerId, clients.temperature)
    .all();
  const loads = new Map<number, TemperatureCounts>();
  for (const { ownerId, temperature, n } of rows) {
    if (ownerId === null) continue;
    const load = loads.get(ownerId) ?? { hot: 0, warm: 0, cold: 0 };
    load[temperature] += n;
    loads.set(ownerId, load);
  }
  return loads;
}

export function teamMembers(db: Db, teamId: number): MemberRow[] {
  return db
    .select({
      id: members.id,
      name: members.name,
      role: members.role,
      status: members.status,
      weight: members.weight,
      excluded: members.excluded,
      telegramId: members.telegramId,
      reachability: members.reachability,
    })
    .from(members)
    .where(and(eq(members.teamId, teamId), ne(members.status, "left")))
    .orderBy(asc(members.id))
    .all();
}

const distributionColumns = {
  id: distributions.id,
  teamId: distributions.teamId,
  handoverId: distributions.handoverId,
  status: distributions.status,
  createdAt: distributions.createdAt,
};

export function getDistribution(db: Db, distributionId: number, teamId: number): Distribution | null {
  return db.select(distributionColumns).from(distributions).where(and(eq(distributions.id, distributionId), eq(distributions.teamId, teamId))).get() ?? null;
}

/** Whichever team's: for the scheduler's sweep, which has no team in hand. */
export function distributionById(db: Db, distributionId: number): Distribution | null {
  return db.select(distributionColumns).from(distributions).where(eq(distributions.id, distributionId)).get() ?? null;
}


/** The distribution and its leaver, without its table; null when it is not this team's. */
export function distributionHeader(db: Db, distributionId: number, teamId: number): DistributionHeader | null {
  const dist = getDistribution(db, distributionId, teamId);
  if (!dist) return null;
  const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
  return {
    distributionId: dist.id,
    teamId: dist.teamId,
    handoverId: dist.handoverId,
    status: dist.status,
    leaver: handover ? { id: handover.leaverId, name: memberName(db, handover.leaverId) ?? "—" } : null,
  };
}

/** A member's name (the leaver's, in the table's title and the new owners' messages). */
export function memberName(db: DbOrTx, memberId: number): string | null {
  return db.select({ name: members.name }).from(members).where(eq(members.id, memberId)).get()?.name ?? null;
}

export function teamCap(db: Db, teamId: number): number | null {
  return db.select({ cap: teams.managerCap }).from(teams).where(eq(teams.id, teamId)).get()?.cap ?? null;
}

export function teamTimezone(db: Db, teamId: number): string {
  return db.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, teamId)).get()?.timezone ?? "Europe/Moscow";
}

/** A manager who may receive clients: an active manager of the team, not the leaver, not excluded. */
export function isEligible(m: MemberRow, leaverId: number | null, excluded: ReadonlySet<number>): boolean {
  return m.role === "manager" && m.status === "active" && !m.excluded && m.id !== leaverId && !excluded.has(m.id);
}

/** The facts of one kind recorded for a distribution, oldest first, with who recorded them. */
export function auditFacts(db: Db, teamId: number, distributionId: number, action: string): { actorId: number | null; details: Record<string, unknown> }[] {
  return db
    .select({ actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, action), sql`json_extract(${auditLog.details}, '$.distributionId') = ${distributionId}`))
    .orderBy(asc(auditLog.id))
    .all()
    .map((r) => ({ actorId: r.actorId, details: r.details as Record<string, unknown> }));
}

export function excludedIn(db: Db, teamId: number, distributionId: number): Set<number> {
  return new Set(auditFacts(db, teamId, distributionId, "distribution.excluded").map((d) => Number(d.details.memberId)));
}

export function recordedClientCount(db: Db, teamId: number, distributionId: number): number | null {
  const facts = auditFacts(db, teamId, distributionId, "distribution.proposed");
  const last = facts.at(-1);
  return last ? Number(last.details.clients) : null;
}

export function audit(
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

export const ITEMS_PER_INSERT = 500;

/**
 * A proposal's items, in multi-row INSERTs of 500 (2,000 parameters). Raw SQL, measured: drizzle's
 * insert of the same 50,000 items in values() of 500 takes 12× as long (1,470–1,480 vs 120 ms,
 * bench/distribution.bench.ts's world, one run under load): it builds every row's SQL each time.
 */
export function insertItems(db: Db, distributionId: number, items: [clientId: number, fromId: number | null, toId: number][]): void {
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

export function itemCount(db: Db, distributionId: number): number {
  return db.select({ n: count() }).from(distributionItems).where(eq(distributionItems.distributionId, distributionId)).get()!.n;
}

/** Stale: a new owner can no longer receive clients (left, departing, excluded in the settings). */
export function isStale(db: Db, dist: Distribution): boolean {
  const targets = db.selectDistinct({ id: distributionItems.toMemberId }).from(distributionItems).where(eq(distributionItems.distributionId, dist.id));
  const bad = db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        inArray(members.id, targets),
        or(ne(members.teamId, dist.teamId), ne(members.status, "active"), eq(members.excluded, true), ne(members.role, "manager")),
      ),
    )
    .limit(1)
    .get();
  return bad !== undefined;
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The active handovers a distribution's clients belong to: its own, and the ones its clients came from
 * (clients.origin_handover_id), so a leaver's client distributed from the pool still counts for its handover.
 */
export function handoversOf(db: Db, dist: Distribution): number[] {
  const origins = db
    .selectDistinct({ id: handovers.id })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .innerJoin(handovers, and(eq(handovers.id, clients.originHandoverId), eq(handovers.status, "active")))
    .where(eq(distributionItems.distributionId, dist.id))
    .all()
    .map((h) => h.id);
  return withOwnHandover(dist, origins);
}

/** The distribution's own handover and `others`, each once, in id order. */
export function withOwnHandover(dist: Distribution, others: number[]): number[] {
  return [...new Set([...(dist.handoverId !== null ? [dist.handoverId] : []), ...others])].sort((a, b) => a - b);
}

export function isReachable(o: Pick<OwnerBrief, "telegramId" | "reachability">): boolean {
  return o.telegramId !== null && o.reachability === "ok";
}

/** The new owners of a distribution, with how many clients each got. */
export function ownersOf(db: Db, distributionId: number): OwnerBrief[] {
  // Counted before the join: one members lookup per owner, not per client.
  const counted = db
    .select({ id: distributionItems.toMemberId, n: count().as("n") })
    .from(distributionItems)
    .where(eq(distributionItems.distributionId, distributionId))
    .groupBy(distributionItems.toMemberId)
    .as("g");
  return db
    .select({ memberId: members.id, name: members.name, telegramId: members.telegramId, reachability: members.reachability, count: counted.n })
    .from(counted)
    .innerJoin(members, eq(members.id, counted.id))
    .orderBy(asc(members.name), asc(members.id))
    .all();
}

/** Members with the given counts of new clients, ordered as ownersOf orders them. */
export function ownersCounted(db: Db, perOwner: Map<number, number>): OwnerBrief[] {
  if (perOwner.size === 0) return [];
  return db
    .select({ memberId: members.id, name: members.name, telegramId: members.telegramId, reachability: members.reachability })
    .from(members)
    .where(inArray(members.id, [...perOwner.keys()]))
    .orderBy(asc(members.name), asc(members.id))
    .all()
    .map((m) => ({ ...m, count: perOwner.get(m.memberId) ?? 0 }));
}

/**
 * A new owner's clients still theirs from a distribution (`clientIds`: a JSON array), each with its open
 * commitments, earliest due first. Prepared once, plain rows, measured: drizzle's row mapping of the 50,000
 * clients and their commitments was 57 of the follow-up's ~390 MB of garbage (bench/profile-distribution.ts
 * lists the collections that cost in the tap).
 */
export function noticeClients(db: DbOrTx, ownerId: number, clientIds: string): NoticeClient[] {
  const statements = noticeStatements(db);
  const commitmentsOf = new Map<number, NoticeClient["commitments"]>();
  for (const [clientId, kind, text, dueOn] of statements.commitments.all(clientIds) as [number, string, string, string | null][]) {
    const list = commitmentsOf.get(clientId);
    if (list) list.push({ kind, text, dueOn });
    else commitmentsOf.set(clientId, [{ kind, text, dueOn }]);
  }
  const rows = statements.clients.all(clientIds, ownerId) as [number, string, string | null, string, string | null, Temperature, string | null][];
  return rows.map(([id, name, company, phones, email, temperature, nextContactOn]) => ({
    id,
    name,
    company,
    phones: JSON.parse(phones) as string[],
    email,
    temperature,
    nextContactOn,
    commitments: commitmentsOf.get(id) ?? [],
  }));
}

const noticeStatements = preparedOnce((_db, sqlite) => ({
  clients: sqlite
    .prepare(
      `SELECT id, name, company, phones, email, temperature, next_contact_on FROM clients
        WHERE id IN (SELECT value FROM json_each(?)) AND owner_id = ? AND status = 'active'`,
    )
    .raw(),
  commitments: sqlite
    .prepare(
      `SELECT client_id, kind, text, due_on FROM commitments
        WHERE client_id IN (SELECT value FROM json_each(?)) AND status = 'open'
        ORDER BY due_on IS NULL, due_on, id`,
    )
    .raw(),
}));
