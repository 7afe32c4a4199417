// Reactivation calls created by a distribution. (Owned by the calls work; the signatures below are what
// the distribution flow calls inside its apply/undo transactions.)
import { and, eq, gt, gte, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { calls, distributionItems, handovers, teams } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import { localDate } from "../platform/calendar.js";
import { scheduleCalls } from "./schedule.js";
import { reactivationQueries, type PageClientRow } from "./reactivation-queries.js";
import { teamCalendar } from "../platform/work-time.js";

/**
 * Schedules one reactivation call per client moved by the distribution, owned by its new manager, spread
 * over the campaign window: teams.campaignDays working days from the handover's last day (or today, if
 * later), at most teams.maxCallsPerDay a manager a day counting the calls they already have, hot clients
 * and clients with a next contact or deadline in the window first. Idempotent: a client that already has
 * a call from this distribution gets no second one. Returns how many calls were created.
 */
export function scheduleReactivationCalls(
  tx: DbOrTx,
  input: { distributionId: number; handoverId: number | null; teamId: number; now: Date },
): number {
  const plan = planReactivationCalls(tx, input);
  writeReactivationCalls(tx, plan.merges, plan.fresh, { teamId: input.teamId, distributionId: input.distributionId, createdAt: input.now.getTime() });
  return plan.count;
}

export interface ReactivationPlan {
  /** Promised calls that take the reactivation in. */
  merges: { callId: number; assigneeId: number; dueOn: string; handoverId: number | null; distributionId: number }[];
  /** New calls. */
  fresh: FreshCall[];
  count: number;
}
type FreshCall = { clientId: number; assigneeId: number; dueOn: string; handoverId: number | null };

/** The calls scheduleReactivationCalls would create, read-only. */
export function planReactivationCalls(
  tx: DbOrTx,
  input: { distributionId: number; handoverId: number | null; teamId: number; now: Date },
): ReactivationPlan {
  // Straight through, pages and batches as big as they come (SQLite's LIMIT -1: no limit).
  const steps = planReactivationCallsInSteps(tx, input, -1);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Clients read, or calls worked out, between two yields of planReactivationCallsInSteps. */
export const PLAN_CLIENTS_PER_STEP = 1_000;

/**
 * The same plan, worked out in steps: it yields between pages of moved clients and between batches of
 * new owners (each owner's calls are worked out on their own, see scheduleCalls), so the follow-up off a
 * tap (distribution/followup.ts) leaves the event loop free in between. Straight through, it is
 * planReactivationCalls. Pages are read in client id order, each client once.
 */
export function* planReactivationCallsInSteps(
  tx: DbOrTx,
  input: { distributionId: number; handoverId: number | null; teamId: number; now: Date },
  perStep = PLAN_CLIENTS_PER_STEP,
): Generator<void, ReactivationPlan, void> {
  const empty: ReactivationPlan = { merges: [], fresh: [], count: 0 };
  const team = tx.select().from(teams).where(eq(teams.id, input.teamId)).get();
  if (!team) return empty;
  const calendar = teamCalendar(team);
  const today = localDate(input.now, team.timezone);
  let startOn = today;
  if (input.handoverId !== null) {
    const handover = tx.select({ lastDay: handovers.lastDay }).from(handovers).where(eq(handovers.id, input.handoverId)).get();
    if (handover && handover.lastDay > startOn) startOn = handover.lastDay;
  }

  // A leaver's client distributed from the pool is still that handover's: not called before its last day.
  const startOf = (m: MovedClient) => (m.origin && m.origin.lastDay > startOn ? m.origin.lastDay : startOn);
  // One campaign per first day (the distribution's, or a later last day of a handover its clients came
  // from). Each client is filed under its campaign and new owner as its page is read: no pass over all.
  const campaigns = new Map<string, Map<number, MovedClient[]>>();
  // One client, one open call: a call already promised to the client takes the reactivation in.
  const promised = new Map<number, number>();
  let earliestStart: string | null = null;
  for (let after: number | null = 0; after !== null; ) {
    const page = movedClients(tx, input.distributionId, input.teamId, after, perStep);
    for (const [clientId, callId] of page.promised) if (!promised.has(clientId)) promised.set(clientId, callId);
    for (const m of page.clients) {
      const start = startOf(m);
      if (earliestStart === null || start < earliestStart) earliestStart = start;
      let owners = campaigns.get(start);
      if (!owners) campaigns.set(start, (owners = new Map()));
      const own = owners.get(m.assigneeId);
      if (own) own.push(m);
      else owners.set(m.assigneeId, [m]);
    }
    after = page.last;
    if (after !== null) yield;
  }
  if (earliestStart === null) return empty;
  yield;

  // What the new owners already have on their days, so the cap counts everything they must call.
  const assignees = new Set<number>();
  for (const owners of campaigns.values()) for (const id of owners.keys()) assignees.add(id);
  const existingPerDay = new Map<string, number>();
  const busy = tx
    .select({ assigneeId: calls.assigneeId, dueOn: calls.dueOn, n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.status, "open"), gte(calls.dueOn, earliestStart), inArray(calls.assigneeId, [...assignees])))
    .groupBy(calls.assigneeId, calls.dueOn)
    .all();
  for (const b of busy) existingPerDay.set(`${b.assigneeId}|${b.dueOn}`, b.n);

  // Each campaign counts the calls the ones before it planned, so the daily cap holds across them. Owners
  // are independent of each other (see scheduleCalls): a batch of whole owners at a time gives the same
  // calls, in the same order.
  const plan: ReactivationPlan = { merges: [], fresh: [], count: 0 };
  const options = { windowDays: Math.max(1, team.campaignDays), maxPerManagerPerDay: Math.max(1, team.maxCallsPerDay), calendar, existingPerDay };
  for (const [campaignStart, owners] of [...campaigns].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const batch of ownerBatches(owners, perStep < 0 ? Infinity : perStep)) {
      yield;
      const byClient = new Map(batch.map((m) => [m.clientId, m]));
      const planned = scheduleCalls(
        batch.map((m) => ({ clientId: m.clientId, assigneeId: m.assigneeId, temperature: m.temperature, urgentOn: earliest(m.nextContactOn, m.deadline) })),
        { ...options, startOn: campaignStart },
      );
      for (const p of planned) {
        const key = `${p.assigneeId}|${p.dueOn}`;
        existingPerDay.set(key, (existingPerDay.get(key) ?? 0) + 1);
        // Each call belongs to the handover its client came from (see clients.origin_handover_id), else the distribution's.
        const handoverId = byClient.get(p.clientId)?.origin?.id ?? input.handoverId;
        const callId = promised.get(p.clientId);
        if (callId === undefined) plan.fresh.push({ clientId: p.clientId, assigneeId: p.assigneeId, dueOn: p.dueOn, handoverId });
        else plan.merges.push({ callId, assigneeId: p.assigneeId, dueOn: p.dueOn, handoverId, distributionId: input.distributionId });
      }
      plan.count += planned.length;
    }
  }
  return plan;
}

/** Writes planned calls (all of a plan, or a chunk of it) in the caller's transaction. */
export function writeReactivationCalls(
  tx: DbOrTx,
  merges: ReactivationPlan["merges"],
  fresh: FreshCall[],
  common: { teamId: number; distributionId: number; createdAt: number },
): void {
  for (const m of merges) mergeIntoPromisedCall(tx, m.callId, m);
  insertCalls(tx, fresh, common);
}

/**
 * Turns a promised call into the client's reactivation call: one open call with both purposes, due on the
 * earlier of the two days (the promised time kept if the promised day wins). The promised day and time
 * are remembered, so an undo gives the call back as it was (see cancelReactivationCalls).
 */
export function mergeIntoPromisedCall(
  tx: DbOrTx,
  callId: number,
  input: { assigneeId: number; dueOn: string; handoverId: number | null; distributionId: number | null },
): void {
  tx.update(calls)
    .set({
      kind: "reactivation",
      assigneeId: input.assigneeId,
      handoverId: input.handoverId,
      distributionId: input.distributionId,
      promisedOn: sql`${calls.dueOn}`,
      promisedTime: sql`${calls.dueTime}`,
      dueOn: sql`min(${calls.dueOn}, ${input.dueOn})`,
      dueTime: sql`case when ${calls.dueOn} <= ${input.dueOn} then ${calls.dueTime} else null end`,
      attempts: 0,
    })
    .where(eq(calls.id, callId))
    .run();
}

/** A campaign's owners in id order (scheduleCalls' own order), whole, batched about `size` clients a batch. */
function ownerBatches(owners: Map<number, MovedClient[]>, size: number): MovedClient[][] {
  const batches: MovedClient[][] = [];
  let batch: MovedClient[] = [];
  for (const [, own] of [...owners].sort(([a], [b]) => a - b)) {
    if (batch.length > 0 && batch.length + own.length > size) {
      batches.push(batch);
      batch = [];
    }
    for (const m of own) batch.push(m);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

interface MovedClient {
  clientId: number;
  assigneeId: number;
  temperature: "hot" | "warm" | "cold";
  nextContactOn: string | null;
  deadline: string | null;
  /** The active handover the client came from, if any. */
  origin: { id: number; lastDay: string } | null;
}

/**
 * One page of the moved, still active clients without a call from this distribution yet, each with its
 * most urgent date (next contact, earliest open commitment), and the promised calls (open ordinary ones)
 * of those clients, earliest first.
 */
interface MovedPage {
  clients: MovedClient[];
  promised: [clientId: number, callId: number][];
  last: number | null;
}

function movedClients(tx: DbOrTx, distributionId: number, teamId: number, after: number, perStep: number): MovedPage {
  const q = reactivationQueries(tx);
  const last = q.pageEnd.get(distributionId, after, perStep) as number | null;
  if (last === null) return { clients: [], promised: [], last: null };
  const deadlines = new Map(q.pageDeadlines.all(distributionId, after, last, teamId) as [number, string][]);
  const clients = (q.pageClients.all(distributionId, after, last, teamId) as PageClientRow[]).map(([clientId, assigneeId, temperature, nextContactOn, originId, originLastDay]) => ({
    clientId,
    assigneeId,
    temperature,
    nextContactOn,
    deadline: deadlines.get(clientId) ?? null,
    origin: originId !== null && originLastDay !== null ? { id: originId, lastDay: originLastDay } : null,
  }));
  const promised = q.pagePromised.all(distributionId, after, last) as [number, number][];
  return { clients, promised, last };
}

function insertCalls(
  tx: DbOrTx,
  rows: { clientId: number; assigneeId: number; dueOn: string; handoverId: number | null }[],
  common: { teamId: number; distributionId: number; createdAt: number },
): void {
  const insert = reactivationQueries(tx).insertCall;
  for (const r of rows) insert.run(common.teamId, r.clientId, r.assigneeId, r.handoverId, common.distributionId, r.dueOn, common.createdAt, r.clientId, common.distributionId);
}

/** True once any call of the distribution has an outcome or an attempt: from then on it cannot be undone. */
export function hasRecordedCalls(tx: DbOrTx, distributionId: number): boolean {
  // Through the distribution's own items and calls_client_idx: the cost follows the distribution, not the table.
  const row = tx
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        inArray(calls.clientId, clientsOf(tx, distributionId)),
        eq(calls.distributionId, distributionId),
        or(ne(calls.status, "open"), gt(calls.attempts, 0)),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/** A promised call a reactivation was merged into, given back as it was (mergeIntoPromisedCall). */
const PROMISE_GIVEN_BACK = {
  kind: "ordinary",
  dueOn: sql`${calls.promisedOn}`,
  dueTime: sql`${calls.promisedTime}`,
  handoverId: null,
  distributionId: null,
  promisedOn: null,
  promisedTime: null,
} as const;

/** Cancels the open calls of an undone distribution; a promised call merged into one is given back as it was. */
export function cancelReactivationCalls(tx: DbOrTx, distributionId: number): number {
  tx.update(calls)
    .set(PROMISE_GIVEN_BACK)
    .where(
      and(
        inArray(calls.clientId, clientsOf(tx, distributionId)),
        eq(calls.distributionId, distributionId),
        eq(calls.status, "open"),
        isNotNull(calls.promisedOn),
      ),
    )
    .run();
  return tx
    .update(calls)
    .set({ status: "cancelled" })
    .where(and(inArray(calls.clientId, clientsOf(tx, distributionId)), eq(calls.distributionId, distributionId), eq(calls.status, "open")))
    .returning({ id: calls.id })
    .all().length;
}

/**
 * Cancels the open reactivation calls of a cancelled handover: the leaver stays, so nobody calls the
 * clients to say they left (the bad-terms script would say so). A promised call merged into one is given
 * back as it was (it stays on its assignee's list); calls already recorded stay as history. Through
 * calls_handover_idx. Returns whose the cancelled ones were, and how many promises were given back.
 */
export function cancelHandoverCalls(tx: DbOrTx, handoverId: number): { cancelled: { assigneeId: number; clientId: number }[]; givenBack: number } {
  const open = and(eq(calls.handoverId, handoverId), eq(calls.status, "open"), eq(calls.kind, "reactivation"));
  const givenBack = tx.update(calls).set(PROMISE_GIVEN_BACK).where(and(open, isNotNull(calls.promisedOn))).run().changes;
  const cancelled = tx.update(calls).set({ status: "cancelled" }).where(open).returning({ assigneeId: calls.assigneeId, clientId: calls.clientId }).all();
  return { cancelled, givenBack };
}

function clientsOf(tx: DbOrTx, distributionId: number) {
  return tx.select({ id: distributionItems.clientId }).from(distributionItems).where(eq(distributionItems.distributionId, distributionId));
}
