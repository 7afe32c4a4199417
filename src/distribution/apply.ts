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
import { and, asc, count, eq, exists, gt, inArray, isNotNull, lte, max, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, clientEvents, clients, commitments, distributionItems, distributions, handovers, members } from "../db/schema.js";
import { getHandover as getChecklistHandover, handoverClientCounts, markStepDoneAutomatically } from "../handover/checklist.js";
import {
  audit,
  auditFacts,
  countScope,
  distributionById,
  getDistribution,
  getHandover,
  handoversOf,
  inScope,
  insertItems,
  isReachable,
  isStale,
  itemCount,
  ownersCounted,
  ownersOf,
  recordedClientCount,
  scopeOf,
  withOwnHandover,
  type Tx,
} from "./queries.js";
import { distributionsInFlight, drain, drainAsync, nextTurn, type Steps } from "./steps.js";
import type { ApplyInput, ApplyResult, Distribution, HandoverRow } from "./types.js";

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
  const rows = db.select({ id: distributions.id }).from(distributions).where(eq(distributions.status, "applying")).orderBy(asc(distributions.id)).all();
  return rows.map((r) => r.id).filter((id) => !skip.has(id));
}

/** Finishes an apply a crash or a failed step interrupted, straight through in one transaction. */
export function finishApply(db: Db, distributionId: number, now: Date): ApplyResult {
  return db.transaction(() => {
    const dist = distributionById(db, distributionId);
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
  const applying = db
    .select({ id: distributions.id })
    .from(distributions)
    .where(and(eq(distributions.teamId, dist.teamId), eq(distributions.status, "applying")))
    .get();
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
  return db
    .select({ n: count() })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .innerJoin(members, eq(members.id, distributionItems.toMemberId))
    .where(
      and(
        eq(distributionItems.distributionId, dist.id),
        eq(clients.teamId, dist.teamId),
        eq(clients.status, "active"),
        sql`${clients.ownerId} IS ${distributionItems.fromMemberId}`,
        eq(members.teamId, dist.teamId),
        eq(members.status, "active"),
        eq(members.excluded, false),
        eq(members.role, "manager"),
      ),
    )
    .get()!.n;
}

function scopeHasClients(db: Db, teamId: number, handover: HandoverRow | null): boolean {
  const where = and(eq(clients.teamId, teamId), eq(clients.status, "active"), inScope(scopeOf(handover)));
  return db.select({ id: clients.id }).from(clients).where(where).limit(1).get() !== undefined;
}

/** Who began the apply and how (the 'distribution.applying' fact); the proposal's author if that is lost. */
function applierOf(db: Db, dist: Distribution): { actorId: number; mode: Mode } {
  const fact = auditFacts(db, dist.teamId, dist.id, "distribution.applying").at(-1);
  const author = () => db.select({ id: distributions.createdById }).from(distributions).where(eq(distributions.id, dist.id)).get()!.id;
  return { actorId: fact?.actorId ?? author(), mode: fact?.details.mine ? "mine" : "proposal" };
}

/**
 * Moves the next `perStep` items after client `after`; returns the last client id it looked at, or null
 * when no item is left.
 */
function moveStep(db: Db, dist: Distribution, after: number, perStep: number, actorId: number, now: Date, tally: Tally): number | null {
  const next = db
    .select({ clientId: distributionItems.clientId })
    .from(distributionItems)
    .where(and(eq(distributionItems.distributionId, dist.id), gt(distributionItems.clientId, after)))
    .orderBy(asc(distributionItems.clientId))
    .limit(perStep)
    .as("next");
  const last = db.select({ last: max(next.clientId) }).from(next).get()?.last ?? null;
  if (last === null) return null;
  moveItems(db, dist, after, last, actorId, now, tally);
  return last;
}

/**
 * "Take them myself": the next `perStep` clients of the scope after client `after` become items for the
 * lead (replacing the proposal's), then move. The scope is read as it is now, so a client that joined it
 * since the table was drawn goes to the lead too.
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
  const taken = db
    .select({ id: clients.id, ownerId: clients.ownerId })
    .from(clients)
    .where(and(eq(clients.teamId, dist.teamId), eq(clients.status, "active"), inScope(scopeOf(handover)), gt(clients.id, after)))
    .orderBy(asc(clients.id))
    .limit(perStep)
    .all();
  if (taken.length === 0) return null;
  const last = taken[taken.length - 1]!.id;
  const range = and(eq(distributionItems.distributionId, dist.id), gt(distributionItems.clientId, after), lte(distributionItems.clientId, last));
  db.delete(distributionItems).where(range).run();
  insertItems(db, dist.id, taken.map((c) => [c.id, c.ownerId, actorId]));
  moveItems(db, dist, after, last, actorId, now, tally);
  return last;
}

/**
 * Moves the items of clients after `after` up to `last` whose client is still as proposed, to a new owner
 * still active in the team, and drops the others (changed by hand meanwhile, or their new owner left):
 * counts, messages, calls and an undo follow what really moved. The statements that read the old owner
 * run before the one that changes it.
 */
function moveItems(db: Db, dist: Distribution, after: number, last: number, actorId: number, now: Date, tally: Tally): void {
  const at = now.getTime();
  const inRange = and(eq(distributionItems.distributionId, dist.id), gt(distributionItems.clientId, after), lte(distributionItems.clientId, last));
  const activeMembers = db.select({ id: members.id }).from(members).where(and(eq(members.teamId, dist.teamId), eq(members.status, "active")));
  const stillAsProposed = and(
    inRange,
    eq(clients.teamId, dist.teamId),
    eq(clients.status, "active"),
    sql`${clients.ownerId} IS ${distributionItems.fromMemberId}`,
    inArray(distributionItems.toMemberId, activeMembers),
  );
  const moving = () =>
    db
      .select({ clientId: distributionItems.clientId, toId: distributionItems.toMemberId })
      .from(distributionItems)
      .innerJoin(clients, eq(clients.id, distributionItems.clientId))
      .where(stillAsProposed);
  db.insert(clientEvents)
    .select(
      db
        .select({
          id: sql<number>`null`.as("id"), // the table's own key (drizzle's insert…select takes every column, in order)
          teamId: sql<number>`${dist.teamId}`.as("team_id"),
          clientId: distributionItems.clientId,
          actorId: sql<number>`${actorId}`.as("actor_id"),
          kind: sql<string>`'assigned'`.as("kind"),
          details: sql<string>`json_object('distributionId', ${dist.id}, 'from', ${distributionItems.fromMemberId}, 'to', ${distributionItems.toMemberId})`.as("details"),
          at: sql<number>`${at}`.as("at"),
        })
        .from(distributionItems)
        .innerJoin(clients, eq(clients.id, distributionItems.clientId))
        .where(stillAsProposed),
    )
    .run();
  // Open commitments follow their client; so do their open calls, whoever had them (the leaver, or the
  // last owner of a pool client): a promised call back keeps its day and reaches the client's new owner.
  const m = moving().as("m");
  db.update(commitments).set({ ownerId: sql`${m.toId}` }).from(m).where(and(eq(commitments.clientId, m.clientId), eq(commitments.status, "open"))).run();
  const k = moving().as("k");
  db.update(calls).set({ assigneeId: sql`${k.toId}` }).from(k).where(and(eq(calls.clientId, k.clientId), eq(calls.status, "open"), ne(calls.assigneeId, k.toId))).run();
  // Last, the owner itself: the previous owner is remembered (a pool client keeps the one it had).
  db.update(clients)
    .set({ ownerId: sql`${distributionItems.toMemberId}`, previousOwnerId: sql`coalesce(${clients.ownerId}, ${clients.previousOwnerId})`, unassignedSince: null, updatedAt: at })
    .from(distributionItems)
    .where(and(eq(distributionItems.clientId, clients.id), stillAsProposed))
    .run();
  const notMoved = db
    .select({ clientId: distributionItems.clientId })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .where(and(inRange, sql`${clients.ownerId} IS NOT ${distributionItems.toMemberId}`));
  db.delete(distributionItems).where(and(inRange, inArray(distributionItems.clientId, notMoved))).run();
  // What is left in the range moved: counted per owner (the items alone), and where its clients came from.
  const perOwner = db.select({ ownerId: distributionItems.toMemberId, n: count() }).from(distributionItems).where(inRange).groupBy(distributionItems.toMemberId).all();
  for (const { ownerId, n } of perOwner) tally.perOwner.set(ownerId, (tally.perOwner.get(ownerId) ?? 0) + n);
  const origins = db
    .selectDistinct({ id: clients.originHandoverId })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .where(and(inRange, isNotNull(clients.originHandoverId)))
    .all();
  for (const { id } of origins) if (id !== null) tally.origins.add(id);
}

/** No client is left behind: up to `perStep` of what the leaver still owns go to the pool. */
function leftoversToPool(db: Db, dist: Distribution, leaverId: number, perStep: number, actorId: number, now: Date): number {
  const ids = db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.teamId, dist.teamId), eq(clients.ownerId, leaverId), eq(clients.status, "active")))
    .orderBy(asc(clients.id))
    .limit(perStep)
    .all()
    .map((c) => c.id);
  if (ids.length === 0) return 0;
  const at = now.getTime();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.update(clients).set({ ownerId: null, previousOwnerId: leaverId, unassignedSince: at, updatedAt: at }).where(inArray(clients.id, chunk)).run();
    db.update(commitments).set({ ownerId: null }).where(and(eq(commitments.status, "open"), inArray(commitments.clientId, chunk))).run();
    db.insert(clientEvents)
      .values(chunk.map((clientId) => ({ teamId: dist.teamId, clientId, actorId, kind: "unassigned" as const, details: { distributionId: dist.id, from: leaverId }, at })))
      .run();
  }
  return ids.length;
}

/** `tally`: what this run moved; null when a run resumed after a crash must count the items instead. */
function finish(db: Db, tx: Tx, dist: Distribution, handover: HandoverRow | null, actorId: number, now: Date, tally: Tally | null): ApplyResult {
  const leaverId = handover?.leaverId ?? null;
  if (tally === null) {
    // Items of clients the run before the crash did not move go, as each step drops its own.
    const notMoved = db
      .select({ clientId: distributionItems.clientId })
      .from(distributionItems)
      .innerJoin(clients, eq(clients.id, distributionItems.clientId))
      .where(and(eq(distributionItems.distributionId, dist.id), or(sql`${clients.ownerId} IS NOT ${distributionItems.toMemberId}`, ne(clients.status, "active"))));
    db.delete(distributionItems).where(and(eq(distributionItems.distributionId, dist.id), inArray(distributionItems.clientId, notMoved))).run();
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

/** The distribution's own handover and the active ones among `origins`, in id order (handoversOf's answer). */
function activeHandovers(db: Db, dist: Distribution, origins: Set<number>): number[] {
  const active =
    origins.size === 0
      ? []
      : db
          .select({ id: handovers.id })
          .from(handovers)
          .where(and(inArray(handovers.id, [...origins]), eq(handovers.status, "active")))
          .all()
          .map((h) => h.id);
  return withOwnHandover(dist, active);
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
      : [...origins.map((handoverId) => ({ handoverId })), ...leaversHandovers(db, dist)];
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

/** The team's active handovers whose leaver was the previous owner of a client of this (pool) distribution. */
function leaversHandovers(db: Db, dist: Distribution): { handoverId: number }[] {
  const theirs = db
    .select({ one: sql`1` })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .where(and(eq(distributionItems.distributionId, dist.id), eq(clients.previousOwnerId, handovers.leaverId)));
  return db
    .select({ handoverId: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.teamId, dist.teamId), eq(handovers.status, "active"), exists(theirs)))
    .all();
}
