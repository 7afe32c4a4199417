/**
 * Applying a proposal, in steps, so that 50,000 clients never hold the event loop for long:
 *
 *  1. begin — one short transaction: the checks (still proposed, handover active, no other apply of the
 *     team running, nothing stale), then status 'applying'. From here a double tap, a cancel, an adjust,
 *     an undo and another apply of the team are refused.
 *  2. moves — one transaction per CLIENTS_PER_STEP items, in client id order: each client still as the
 *     proposal found it gets its new owner (the previous one remembered), its open commitments and open
 *     calls follow it, and its history gets the 'assigned' row.
 *  3. leftovers — what the leaver still owns goes to the pool with the leaver remembered, CLIENTS_PER_STEP
 *     a transaction.
 *  4. finish — one transaction: status 'applied', the checklist step, the audit row.
 * The reactivation calls and the new owners' messages follow (followup.ts).
 *
 * While it runs, a client not yet moved is still the leaver's (or the pool's), with all that implies (the
 * leaver-access rule, lists, the checklist's counts); a moved one is its new owner's at once. A client
 * somebody changes by hand meanwhile (or whose new owner leaves meanwhile) keeps that change: the apply
 * leaves it alone and drops its item, so counts, messages, calls and an undo follow what really moved.
 *
 * A tap runs the steps with the event loop free in between (applyInSteps). Tests, the bench and the
 * scheduler's catch-up run them straight through inside one transaction: all or nothing. A distribution
 * found 'applying' with no tap running it (the process died mid-way, or a step failed) is finished by the
 * scheduler's sweep (jobs.ts): every step only moves clients still as proposed,
 * so a step that committed is never repeated.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { distributions } from "../db/schema.js";
import { getHandover as getChecklistHandover, handoverClientCounts, markStepDoneAutomatically } from "../handover/checklist.js";
import {
  audit,
  countScope,
  getDistribution,
  getHandover,
  handoversOf,
  isReachable,
  isStale,
  itemCount,
  ownersOf,
  raw,
  recordedClientCount,
  scopeOf,
  scopeWhere,
  type Tx,
} from "./queries.js";
import { distributionsInFlight, drain, drainAsync, nextTurn, type Steps } from "./steps.js";
import type { ApplyInput, ApplyResult, Distribution, HandoverRow, OwnerBrief } from "./types.js";

/** Clients moved per transaction: a step stays well under ~50 ms of synchronous work (bench/distribution.bench.ts). */
export const CLIENTS_PER_STEP = 1_000;
/** Straight through there is nothing to gain from small steps: every client in one statement each (SQLite's LIMIT -1). */
const ALL_AT_ONCE = -1;

type Mode = "proposal" | "mine";
type Started = { kind: "started"; dist: Distribution; handover: HandoverRow | null };

/**
 * Applies a proposal straight through, in one transaction: owners, commitments, history, the pool, the
 * checklist step. Refuses a proposal that is no longer open (a double tap), a stale one (clients or
 * managers changed since it was made: the caller re-plans and shows the new table) and one whose team is
 * applying another. The reactivation calls and the messages follow (followUpDistribution).
 */
export function applyDistribution(db: Db, input: ApplyInput): ApplyResult {
  return db.transaction(() => drain(applySteps(db, input, "proposal", ALL_AT_ONCE)));
}

/** "Take them myself": the lead becomes the owner of every client of the scope, in one transaction. */
export function takeOverDistribution(db: Db, input: ApplyInput): ApplyResult {
  return db.transaction(() => drain(applySteps(db, input, "mine", ALL_AT_ONCE)));
}

/**
 * The same as applyDistribution / takeOverDistribution, each step its own transaction with the event loop
 * free in between (what a tap runs). A step that throws leaves the distribution 'applying': the
 * scheduler's sweep finishes it.
 */
export async function applyInSteps(db: Db, input: ApplyInput & { mine?: boolean }, pause: () => Promise<void> = nextTurn): Promise<ApplyResult> {
  const id = input.distributionId;
  if (distributionsInFlight.has(id)) return { kind: "not_proposed", status: "applying" };
  distributionsInFlight.add(id);
  try {
    await pause(); // whatever the tap did before is one turn, the first check the next
    return await drainAsync(applySteps(db, input, input.mine ? "mine" : "proposal", CLIENTS_PER_STEP), pause);
  } finally {
    distributionsInFlight.delete(id);
  }
}

/** Distributions left 'applying' with nobody running them (a crash, a failed step). */
export function pendingApplies(db: Db, skip: ReadonlySet<number> = new Set()): number[] {
  const ids = raw(db).prepare(`SELECT id FROM distributions WHERE status = 'applying' ORDER BY id`).pluck().all() as number[];
  return ids.filter((id) => !skip.has(id));
}

/** Finishes an apply a crash or a failed step interrupted, straight through in one transaction. */
export function finishApply(db: Db, distributionId: number, now: Date): ApplyResult {
  return db.transaction(() => {
    const dist = raw(db)
      .prepare(`SELECT id, team_id AS teamId, handover_id AS handoverId, status, created_at AS createdAt FROM distributions WHERE id = ?`)
      .get(distributionId) as Distribution | undefined;
    if (!dist) return { kind: "not_found" };
    if (dist.status !== "applying") return { kind: "not_proposed", status: dist.status };
    const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
    const { actorId, mode } = applierOf(db, dist);
    // What moved before the crash is not in this run's tally: the finish counts the items instead.
    return drain(moveAndFinish(db, dist, handover, actorId, mode, now, ALL_AT_ONCE, false));
  });
}

function* applySteps(db: Db, input: ApplyInput, mode: Mode, perStep: number): Steps<ApplyResult> {
  // The checks only read, each in its own step; `begin` repeats the cheap ones in the transaction that
  // turns the proposal into an apply. A client changed between a check and `begin` is one changed during
  // the apply: left alone.
  const opened = openProposal(db, input);
  if (opened.kind !== "open") return opened;
  const { dist, handover } = opened;
  if (mode === "proposal") {
    const items = itemCount(db, dist.id);
    // Nobody to give the clients to: only "take them myself" or cancel make sense.
    if (items === 0) return { kind: "empty" };
    yield;
    // Every client of the proposal still as it found it, every new owner still able to receive clients…
    if (readyItems(db, dist) !== items) return { kind: "stale" };
    yield;
    // …and the scope neither grown nor shrunk.
    const expected = recordedClientCount(db, dist.teamId, dist.id);
    if (expected !== null && countScope(db, dist.teamId, scopeOf(handover)) !== expected) return { kind: "stale" };
    yield;
  } else if (!scopeHasClients(db, dist.teamId, handover)) {
    return { kind: "empty" };
  }
  const started = db.transaction((tx) => begin(db, tx, input, mode));
  if (started.kind !== "started") return started;
  yield;
  return yield* moveAndFinish(db, started.dist, started.handover, input.actorId, mode, input.now, perStep, true);
}

function* moveAndFinish(
  db: Db,
  dist: Distribution,
  handover: HandoverRow | null,
  actorId: number,
  mode: Mode,
  now: Date,
  perStep: number,
  fromTheStart: boolean,
): Steps<ApplyResult> {
  const tally: Tally = { perOwner: new Map(), origins: new Set() };
  for (let after = 0; ; ) {
    const last = db.transaction(() =>
      mode === "mine" ? takeStep(db, dist, handover, after, perStep, actorId, now, tally) : moveStep(db, dist, after, perStep, actorId, now, tally),
    );
    if (last === null) break;
    after = last;
    yield;
  }
  if (handover) {
    while (db.transaction(() => leftoversToPool(db, dist, handover.leaverId, perStep, actorId, now)) > 0) yield;
  }
  return db.transaction((tx) => finish(db, tx, dist, handover, actorId, now, fromTheStart ? tally : null));
}

/** What this run's moves did: the finish need not count 50,000 items again. */
interface Tally {
  perOwner: Map<number, number>;
  /** The handovers the moved clients came from (clients.origin_handover_id). */
  origins: Set<number>;
}

type Opened = { kind: "open"; dist: Distribution; handover: HandoverRow | null };

function openProposal(db: Db, input: ApplyInput): Opened | ApplyResult {
  const dist = getDistribution(db, input.distributionId, input.teamId);
  if (!dist) return { kind: "not_found" };
  if (dist.status !== "proposed") return { kind: "not_proposed", status: dist.status };
  const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
  if (handover && handover.status !== "active") return { kind: "handover_not_active" };
  return { kind: "open", dist, handover };
}

/** Proposal → apply, in one short transaction; refused if anything changed since the checks that could. */
function begin(db: Db, tx: Tx, input: ApplyInput, mode: Mode): Started | ApplyResult {
  const opened = openProposal(db, input);
  if (opened.kind !== "open") return opened;
  const { dist, handover } = opened;
  // Two applies of one team moving clients in turns could both take a client of the pool.
  const applying = raw(db).prepare(`SELECT 1 FROM distributions WHERE team_id = ? AND status = 'applying'`).pluck().get(dist.teamId);
  if (applying !== undefined) return { kind: "busy" };
  if (mode === "proposal" && isStale(db, dist)) return { kind: "stale" };
  tx.update(distributions).set({ status: "applying" }).where(eq(distributions.id, dist.id)).run();
  // Who applies it and how: the steps the scheduler finishes after a crash do the same, in their name.
  const details = mode === "mine" ? { distributionId: dist.id, mine: true } : { distributionId: dist.id };
  audit(tx, { teamId: dist.teamId, handoverId: null, actorId: input.actorId, action: "distribution.applying", details, now: input.now });
  return { kind: "started", dist: { ...dist, status: "applying" }, handover };
}

/** The items whose client is still exactly as the proposal found it and whose new owner may still receive clients. */
function readyItems(db: Db, dist: Distribution): number {
  return raw(db)
    .prepare(
      `SELECT count(*) FROM distribution_items di JOIN clients c ON c.id = di.client_id JOIN members m ON m.id = di.to_member_id
        WHERE di.distribution_id = ? AND c.team_id = ? AND c.status = 'active' AND c.owner_id IS di.from_member_id
          AND m.team_id = c.team_id AND m.status = 'active' AND m.excluded = 0 AND m.role = 'manager'`,
    )
    .pluck()
    .get(dist.id, dist.teamId) as number;
}

function scopeHasClients(db: Db, teamId: number, handover: HandoverRow | null): boolean {
  const where = scopeWhere(scopeOf(handover));
  return raw(db).prepare(`SELECT 1 FROM clients c WHERE c.team_id = ? AND c.status = 'active' AND ${where.clause} LIMIT 1`).get(teamId, ...where.params) !== undefined;
}

/** Who began the apply and how (the 'distribution.applying' fact); the proposal's author if that is lost. */
function applierOf(db: Db, dist: Distribution): { actorId: number; mode: Mode } {
  const row = raw(db)
    .prepare(
      `SELECT actor_id AS actorId, json_extract(details, '$.mine') AS mine FROM audit_log
        WHERE team_id = ? AND action = 'distribution.applying' AND json_extract(details, '$.distributionId') = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(dist.teamId, dist.id) as { actorId: number | null; mine: number | null } | undefined;
  const actorId = row?.actorId ?? (raw(db).prepare(`SELECT created_by_id FROM distributions WHERE id = ?`).pluck().get(dist.id) as number);
  return { actorId, mode: row?.mine ? "mine" : "proposal" };
}

/**
 * Moves the next CLIENTS_PER_STEP items after client `after`; returns the last client id it looked at, or
 * null when no item is left. Only clients still as the proposal found them move, and only to a new owner
 * still active in the team; the statements reading the old owner run before the one that changes it.
 */
function moveStep(db: Db, dist: Distribution, after: number, perStep: number, actorId: number, now: Date, tally: Tally): number | null {
  const last = raw(db)
    .prepare(`SELECT max(client_id) FROM (SELECT client_id FROM distribution_items WHERE distribution_id = ? AND client_id > ? ORDER BY client_id LIMIT ?)`)
    .pluck()
    .get(dist.id, after, perStep) as number | null;
  if (last === null) return null;
  moveItems(db, dist, after, last, actorId, now, tally);
  return last;
}

/**
 * "Take them myself": the next CLIENTS_PER_STEP clients of the scope after client `after` become items
 * for the lead (replacing the proposal's), then move. The scope is read as it is now, so a client that
 * joined it since the table was drawn goes to the lead too.
 */
function takeStep(
  db: Db,
  dist: Distribution,
  handover: HandoverRow | null,
  after: number,
  perStep: number,
  actorId: number,
  now: Date,
  tally: Tally,
): number | null {
  const where = scopeWhere(scopeOf(handover));
  const taken = raw(db)
    .prepare(
      `INSERT OR REPLACE INTO distribution_items (distribution_id, client_id, from_member_id, to_member_id)
       SELECT ?, c.id, c.owner_id, ? FROM clients c WHERE c.team_id = ? AND c.status = 'active' AND ${where.clause} AND c.id > ?
        ORDER BY c.id LIMIT ? RETURNING client_id`,
    )
    .pluck()
    .all(dist.id, actorId, dist.teamId, ...where.params, after, perStep) as number[];
  if (taken.length === 0) return null;
  const last = taken.reduce((a, b) => (a > b ? a : b));
  moveItems(db, dist, after, last, actorId, now, tally);
  return last;
}

/**
 * Moves the items of clients after `after` up to `last` whose client is still as proposed, and drops the
 * others (changed by hand meanwhile, or their new owner left): counts, messages, calls and an undo follow
 * what really moved.
 */
function moveItems(db: Db, dist: Distribution, after: number, last: number, actorId: number, now: Date, tally: Tally): void {
  const q = raw(db);
  const at = now.getTime();
  const moving = `SELECT di.client_id, di.from_member_id, di.to_member_id FROM distribution_items di JOIN clients c ON c.id = di.client_id
      WHERE di.distribution_id = @dist AND di.client_id > @after AND di.client_id <= @last
        AND c.team_id = @team AND c.status = 'active' AND c.owner_id IS di.from_member_id
        AND di.to_member_id IN (SELECT id FROM members WHERE team_id = @team AND status = 'active')`;
  const range = { dist: dist.id, after, last, team: dist.teamId };
  q.prepare(
    `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
     SELECT @team, m.client_id, @actor, 'assigned', json_object('distributionId', @dist, 'from', m.from_member_id, 'to', m.to_member_id), @at
       FROM (${moving}) m`,
  ).run({ ...range, actor: actorId, at });
  // Open commitments follow their client.
  q.prepare(
    `UPDATE commitments SET owner_id = m.to_member_id FROM (${moving}) m
      WHERE commitments.client_id = m.client_id AND commitments.status = 'open'`,
  ).run(range);
  // So do their open calls, whoever had them (the leaver, or the last owner of a pool client): a promised
  // call back keeps its day and reaches the person who now owns the client.
  q.prepare(
    `UPDATE calls SET assignee_id = m.to_member_id FROM (${moving}) m
      WHERE calls.client_id = m.client_id AND calls.status = 'open' AND calls.assignee_id != m.to_member_id`,
  ).run(range);
  // Last, the owner itself: the previous owner is remembered (a pool client keeps the one it had).
  const moved = q
    .prepare(
      `UPDATE clients SET owner_id = m.to_member_id, previous_owner_id = coalesce(clients.owner_id, clients.previous_owner_id),
              unassigned_since = NULL, updated_at = @at
         FROM (${moving}) m WHERE clients.id = m.client_id RETURNING clients.owner_id, clients.origin_handover_id`,
    )
    .raw()
    .all({ ...range, at }) as [ownerId: number, originId: number | null][];
  for (const [ownerId, originId] of moved) {
    tally.perOwner.set(ownerId, (tally.perOwner.get(ownerId) ?? 0) + 1);
    if (originId !== null) tally.origins.add(originId);
  }
  q.prepare(
    `DELETE FROM distribution_items WHERE distribution_id = @dist AND client_id > @after AND client_id <= @last AND client_id IN (
       SELECT di.client_id FROM distribution_items di JOIN clients c ON c.id = di.client_id
        WHERE di.distribution_id = @dist AND di.client_id > @after AND di.client_id <= @last AND c.owner_id IS NOT di.to_member_id)`,
  ).run({ dist: dist.id, after, last });
}

/** No client is left behind: up to CLIENTS_PER_STEP of what the leaver still owns go to the pool. */
function leftoversToPool(db: Db, dist: Distribution, leaverId: number, perStep: number, actorId: number, now: Date): number {
  const q = raw(db);
  const ids = q
    .prepare(`SELECT json_group_array(id) FROM (SELECT id FROM clients WHERE team_id = ? AND owner_id = ? AND status = 'active' ORDER BY id LIMIT ?)`)
    .pluck()
    .get(dist.teamId, leaverId, perStep) as string;
  const at = now.getTime();
  const details = JSON.stringify({ distributionId: dist.id, from: leaverId });
  const moved = q
    .prepare(
      `UPDATE clients SET owner_id = NULL, previous_owner_id = ?, unassigned_since = ?, updated_at = ?
        WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .run(leaverId, at, at, ids).changes;
  if (moved === 0) return 0;
  q.prepare(`UPDATE commitments SET owner_id = NULL WHERE status = 'open' AND client_id IN (SELECT value FROM json_each(?))`).run(ids);
  q.prepare(
    `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) SELECT ?, value, ?, 'unassigned', ?, ? FROM json_each(?)`,
  ).run(dist.teamId, actorId, details, at, ids);
  return moved;
}

/** `tally`: what this run moved; null when a run resumed after a crash must count the items instead. */
function finish(db: Db, tx: Tx, dist: Distribution, handover: HandoverRow | null, actorId: number, now: Date, tally: Tally | null): ApplyResult {
  const leaverId = handover?.leaverId ?? null;
  if (tally === null) {
    // Items of clients the run before the crash did not move go, as each step drops its own.
    raw(db)
      .prepare(
        `DELETE FROM distribution_items WHERE distribution_id = ? AND client_id IN (
           SELECT di.client_id FROM distribution_items di JOIN clients c ON c.id = di.client_id
            WHERE di.distribution_id = ? AND (c.owner_id IS NOT di.to_member_id OR c.status != 'active'))`,
      )
      .run(dist.id, dist.id);
  }
  const owners = tally === null ? ownersOf(db, dist.id) : ownersCounted(db, tally.perOwner);
  const moved = tally === null ? itemCount(db, dist.id) : owners.reduce((n, o) => n + o.count, 0);
  const toPool = countScope(db, dist.teamId, scopeOf(handover));

  tx.update(distributions).set({ status: "applied", appliedAt: now.getTime() }).where(eq(distributions.id, dist.id)).run();
  const handoverIds = tally === null ? handoversOf(db, dist) : activeHandovers(db, dist, tally.origins);
  const stepDone = completeSteps(db, tx, dist, leaverId, now, handoverIds);
  audit(tx, {
    teamId: dist.teamId,
    handoverId: dist.handoverId,
    actorId,
    action: "distribution.applied",
    details: { distributionId: dist.id, moved, toPool, owners: owners.map((o) => ({ memberId: o.memberId, count: o.count })) },
    now,
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

/** The new owners of `perOwner`'s counts, ordered as ownersOf orders them. */
function ownersCounted(db: Db, perOwner: Map<number, number>): OwnerBrief[] {
  const rows = raw(db)
    .prepare(
      `SELECT id AS memberId, name, telegram_id AS telegramId, reachability FROM members
        WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, id`,
    )
    .all(JSON.stringify([...perOwner.keys()])) as Omit<OwnerBrief, "count">[];
  return rows.map((m) => ({ ...m, count: perOwner.get(m.memberId) ?? 0 }));
}

/** The distribution's own handover and the active ones among `origins`, in id order (handoversOf's answer). */
function activeHandovers(db: Db, dist: Distribution, origins: Set<number>): number[] {
  const active = raw(db)
    .prepare(`SELECT id FROM handovers WHERE id IN (SELECT value FROM json_each(?)) AND status = 'active'`)
    .pluck()
    .all(JSON.stringify([...origins])) as number[];
  return [...new Set([...(dist.handoverId !== null ? [dist.handoverId] : []), ...active])].sort((a, b) => a - b);
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

