/**
 * What follows an applied distribution: the reactivation call for every moved client and the message to
 * every new owner. Kept out of the apply so the lead's tap answers quickly however large the base;
 * `followed_up_at` is set last and makes it happen exactly once, and the scheduler's tick finishes any
 * follow-up a crash interrupted.
 *
 * In steps (steps.ts): the call plan read and worked out page by page, the calls written
 * CALLS_PER_STEP a transaction, then one owner's message (and file) a transaction. After a tap the steps
 * run with the event loop free in between (followUpInSteps); the scheduler runs them straight through in
 * one transaction (followUpDistribution). A step checks first that the distribution is still applied and
 * not followed up (an undo in between stops it); a crash half-way leaves `followed_up_at` empty and the
 * sweep finishes the rest: calls are never written twice for a client and distribution, messages have
 * dedupe keys.
 */
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, distributionItems, distributions } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import { voidStaleTouches } from "../stars/plan-touches.js";
import { memberName, noticeClients, ownersOf } from "./queries.js";
import { getHandover } from "../handover/checklist.js";
import { distributionsInFlight, drain, drainAsync, nextTurn, type Steps } from "./steps.js";
import type { AppliedNotice, DistributionNotifier, NoticeClient, OwnerBrief } from "./types.js";
import { PLAN_CLIENTS_PER_STEP, planReactivationCallsInSteps, writeReactivationCalls, type ReactivationPlan } from "../calls/reactivation.js";
import { connectionOf } from "../db/prepared.js";

/** Calls written per transaction: a step stays well under ~50 ms of synchronous work. */
export const CALLS_PER_STEP = 500;

export type FollowUpResult =
  | { kind: "done"; callsScheduled: number }
  /** Done before (by the scheduler, or a double tap): how many calls the distribution has. */
  | { kind: "already"; callsScheduled: number }
  /** Not applied (or undone first): nothing to follow up. */
  | { kind: "not_applied" };

interface FollowUpInput {
  distributionId: number;
  now: Date;
  notifier?: DistributionNotifier;
}

interface Dist {
  id: number;
  teamId: number;
  handoverId: number | null;
  status: string;
  followedUpAt: number | null;
}

function distributionRow(db: Db, distributionId: number): Dist | undefined {
  return db
    .select({ id: distributions.id, teamId: distributions.teamId, handoverId: distributions.handoverId, status: distributions.status, followedUpAt: distributions.followedUpAt })
    .from(distributions)
    .where(eq(distributions.id, distributionId))
    .get();
}

/** The whole follow-up in one transaction (the scheduler's catch-up): all of it or nothing. */
export function followUpDistribution(db: Db, input: FollowUpInput): FollowUpResult {
  return db.transaction(() => drain(followUpSteps(db, input, Infinity)));
}

/** The follow-up after a tap: each step its own transaction, the event loop free in between. */
export async function followUpInSteps(db: Db, input: FollowUpInput & { pause?: () => Promise<void> }): Promise<FollowUpResult> {
  const id = input.distributionId;
  if (distributionsInFlight.has(id)) return { kind: "already", callsScheduled: callCount(db, id) };
  distributionsInFlight.add(id);
  try {
    return await drainAsync(followUpSteps(db, input, CALLS_PER_STEP), input.pause ?? nextTurn);
  } finally {
    distributionsInFlight.delete(id);
  }
}

/** `perStep`: calls written per transaction (Infinity straight through, where the steps share one). */
function* followUpSteps(db: Db, input: FollowUpInput, perStep: number): Steps<FollowUpResult> {
  const id = input.distributionId;
  const first = distributionRow(db, id);
  if (!first || first.status !== "applied") return { kind: "not_applied" };
  if (first.followedUpAt !== null) return { kind: "already", callsScheduled: callCount(db, id) };
  const stillOwed = () => {
    const d = distributionRow(db, id);
    return d !== undefined && d.status === "applied" && d.followedUpAt === null;
  };
  // Straight through, the caller's transaction holds from the first step to the last: nothing to re-check.
  const alone = !connectionOf(db).inTransaction;
  /** One step: the work, in its own transaction, if the follow-up is still owed. */
  const step = (work: (tx: DbOrTx) => void) =>
    db.transaction((tx) => {
      if (alone && !stillOwed()) return false;
      work(tx);
      return true;
    });

  // The leaver of a cancelled handover stays: nobody calls the clients to say they left (cancelHandover).
  const cancelled = first.handoverId !== null && getHandover(db, first.handoverId)?.status === "cancelled";
  const plan: ReactivationPlan = cancelled
    ? { merges: [], fresh: [], count: 0 }
    : yield* planReactivationCallsInSteps(
        db,
        { distributionId: id, handoverId: first.handoverId, teamId: first.teamId, now: input.now },
        perStep === Infinity ? -1 : PLAN_CLIENTS_PER_STEP,
      );
  const common = { teamId: first.teamId, distributionId: id, createdAt: input.now.getTime() };
  for (let i = 0; i < Math.max(plan.merges.length, plan.fresh.length); i += perStep) {
    yield;
    if (!step((tx) => writeReactivationCalls(tx, plan.merges.slice(i, i + perStep), plan.fresh.slice(i, i + perStep), common))) {
      return stillOwedResult(db, id);
    }
  }
  // Written: the plan's 50,000 objects need not stay alive through the messages (shorter collections).
  const callsScheduled = plan.count;
  plan.merges = [];
  plan.fresh = [];
  if (input.notifier) {
    const notifier = input.notifier;
    const leaverId = first.handoverId === null ? null : (getHandover(db, first.handoverId)?.leaverId ?? null);
    const fromName = leaverId === null ? null : memberName(db, leaverId);
    yield;
    const owners = ownersOf(db, id);
    const clientsOf = yield* clientsPerOwner(db, id, perStep === Infinity ? -1 : PLAN_CLIENTS_PER_STEP);
    // One owner's message and file per step; the outbox's dedupe keys make a repeat harmless.
    for (const owner of owners) {
      yield;
      const notice = appliedNotice(db, first, owner, fromName, clientsOf.get(owner.memberId) ?? "[]");
      if (!step((tx) => notifier.applied(tx, notice, input.now))) return stillOwedResult(db, id);
    }
  }
  yield;
  const done = step((tx) => {
    // A second-voice touch planned for these clients gives way to the reactivation call (de-starring).
    voidStaleTouches(db, first.teamId, input.now);
    tx.update(distributions).set({ followedUpAt: input.now.getTime() }).where(eq(distributions.id, id)).run();
  });
  return done ? { kind: "done", callsScheduled } : stillOwedResult(db, id);
}

/** Why a step found nothing to do: undone meanwhile, or finished by someone else. */
function stillOwedResult(db: Db, id: number): FollowUpResult {
  const d = distributionRow(db, id);
  return d?.status === "applied" ? { kind: "already", callsScheduled: callCount(db, id) } : { kind: "not_applied" };
}

/** Applied distributions whose follow-up has not run (a crash between the two, or a failed follow-up). */
export function pendingFollowUps(db: Db, skip: ReadonlySet<number> = new Set()): number[] {
  const rows = db
    .select({ id: distributions.id })
    .from(distributions)
    .where(and(eq(distributions.status, "applied"), isNull(distributions.followedUpAt)))
    .orderBy(asc(distributions.id))
    .all();
  return rows.map((r) => r.id).filter((id) => !skip.has(id));
}

/** Through the distribution's items and calls_client_idx: the cost follows the distribution, not the table. */
function callCount(db: Db, distributionId: number): number {
  return db
    .select({ n: count() })
    .from(distributionItems)
    .innerJoin(calls, and(eq(calls.clientId, distributionItems.clientId), eq(calls.distributionId, distributionItems.distributionId)))
    .where(eq(distributionItems.distributionId, distributionId))
    .get()!.n;
}

/** Each new owner's client ids as a JSON array, read page by page in the items' key order. */
function* clientsPerOwner(db: Db, distributionId: number, perStep: number): Steps<Map<number, string>> {
  const ids = new Map<number, number[]>();
  for (let after = 0; ; ) {
    yield;
    const page = db
      .select({ clientId: distributionItems.clientId, ownerId: distributionItems.toMemberId })
      .from(distributionItems)
      .where(and(eq(distributionItems.distributionId, distributionId), gt(distributionItems.clientId, after)))
      .orderBy(asc(distributionItems.clientId))
      .limit(perStep)
      .all();
    for (const { clientId, ownerId } of page) {
      const list = ids.get(ownerId);
      if (list) list.push(clientId);
      else ids.set(ownerId, [clientId]);
    }
    if (page.length === 0 || perStep < 0 || page.length < perStep) break;
    after = page[page.length - 1]!.clientId;
  }
  return new Map([...ids].map(([ownerId, list]) => [ownerId, JSON.stringify(list)]));
}

/** One new owner's message: the clients they still have from it, those with commitments first. */
function appliedNotice(db: Db, dist: Dist, owner: OwnerBrief, fromName: string | null, clientIds: string): AppliedNotice {
  const clientList = noticeClients(db, owner.memberId, clientIds);
  return { distributionId: dist.id, teamId: dist.teamId, handoverId: dist.handoverId, owner, fromName, clients: sortForNotice(clientList) };
}

/**
 * Clients with a commitment or deadline first (earliest due first), then the rest; by name within each,
 * "Клиент 2" before "Клиент 10". Keys are computed once per client: lists run to thousands.
 */
function sortForNotice(list: NoticeClient[]): NoticeClient[] {
  const keyed = list.map((c) => ({
    c,
    group: c.commitments.length > 0 ? 0 : 1,
    due: c.commitments[0]?.dueOn ?? "9999-12-31",
    name: naturalKey(c.name),
  }));
  keyed.sort((a, b) => a.group - b.group || cmp(a.due, b.due) || cmp(a.name, b.name) || a.c.id - b.c.id);
  return keyed.map((k) => k.c);
}

function naturalKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, "е").replace(/\d+/g, (d) => d.padStart(12, "0"));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
