/**
 * Applying a proposal, in steps, so that 50,000 clients never hold the event loop for long:
 *
 *  1. checks — read only, each its own step: still proposed and the handover active; every client of the
 *     proposal still as it found it and every new owner still able to receive clients; the scope neither
 *     grown nor shrunk. Any of them failing: nothing changes, the caller re-plans ("stale").
 *  2. begin — one short transaction: the cheap checks again, no other apply of the team running, then
 *     status 'applying'. From here a double tap, a cancel, an adjust, an undo and another apply of the team
 *     are refused.
 *  3. moves — one transaction per CLIENTS_PER_STEP items, in client id order: each client still as the
 *     proposal found it gets its new owner (the previous one remembered), its open commitments and open
 *     calls follow it, and its history gets the 'assigned' row.
 *  4. leftovers — what the leaver still owns goes to the pool with the leaver remembered, CLIENTS_PER_STEP
 *     a transaction.
 *  5. finish — one transaction: status 'applied', the checklist step, the audit row.
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
 * scheduler's sweep (jobs.ts), in the name of the lead who tapped Apply; every step only moves clients
 * still as proposed, so a step that committed is never repeated.
 */
import { and, asc, count, eq, exists, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clients, distributionItems, distributions, handovers, members } from "../db/schema.js";
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
import { leftoversToPool, moveStep, takeStep, type Tally } from "./moves.js";
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
