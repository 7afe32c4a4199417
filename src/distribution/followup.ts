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
import type { Db } from "../db/client.js";
import type { Temperature } from "../db/schema.js";
import type { DbOrTx } from "../outbox/outbox.js";
import { voidStaleTouches } from "../stars/plan-touches.js";
import { getHandover, ownersOf, raw } from "./queries.js";
import { distributionsInFlight, drain, drainAsync, nextTurn, type Steps } from "./steps.js";
import type { AppliedNotice, DistributionNotifier, NoticeClient, OwnerBrief } from "./types.js";
import { planReactivationCallsInSteps, writeReactivationCalls } from "../calls/reactivation.js";

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
  return raw(db)
    .prepare(`SELECT id, team_id AS teamId, handover_id AS handoverId, status, followed_up_at AS followedUpAt FROM distributions WHERE id = ?`)
    .get(distributionId) as Dist | undefined;
}

/** The whole follow-up in one transaction (the scheduler's catch-up): all of it or nothing. */
export function followUpDistribution(db: Db, input: FollowUpInput): FollowUpResult {
  return db.transaction(() => drain(followUpSteps(db, input)));
}

/** The follow-up after a tap: each step its own transaction, the event loop free in between. */
export async function followUpInSteps(db: Db, input: FollowUpInput & { pause?: () => Promise<void> }): Promise<FollowUpResult> {
  const id = input.distributionId;
  if (distributionsInFlight.has(id)) return { kind: "already", callsScheduled: callCount(db, id) };
  distributionsInFlight.add(id);
  try {
    return await drainAsync(followUpSteps(db, input), input.pause ?? nextTurn);
  } finally {
    distributionsInFlight.delete(id);
  }
}

function* followUpSteps(db: Db, input: FollowUpInput): Steps<FollowUpResult> {
  const id = input.distributionId;
  const first = distributionRow(db, id);
  if (!first || first.status !== "applied") return { kind: "not_applied" };
  if (first.followedUpAt !== null) return { kind: "already", callsScheduled: callCount(db, id) };
  const stillOwed = () => {
    const d = distributionRow(db, id);
    return d !== undefined && d.status === "applied" && d.followedUpAt === null;
  };
  /** One step: the work, in its own transaction, if the follow-up is still owed. */
  const step = (work: (tx: DbOrTx) => void) =>
    db.transaction((tx) => {
      if (!stillOwed()) return false;
      work(tx);
      return true;
    });

  const plan = yield* planReactivationCallsInSteps(db, { distributionId: id, handoverId: first.handoverId, teamId: first.teamId, now: input.now });
  const common = { teamId: first.teamId, distributionId: id, createdAt: input.now.getTime() };
  for (let i = 0; i < Math.max(plan.merges.length, plan.fresh.length); i += CALLS_PER_STEP) {
    yield;
    if (!step((tx) => writeReactivationCalls(tx, plan.merges.slice(i, i + CALLS_PER_STEP), plan.fresh.slice(i, i + CALLS_PER_STEP), common))) {
      return stillOwedResult(db, id);
    }
  }
  if (input.notifier) {
    const notifier = input.notifier;
    const fromName = first.handoverId === null ? null : (getHandover(db, first.handoverId)?.leaverName ?? null);
    yield;
    const owners = ownersOf(db, id);
    yield;
    const clientsOf = clientsPerOwner(db, id);
    // One owner's message and file per step; the outbox's dedupe keys make a repeat harmless.
    for (const owner of owners) {
      yield;
      const notice = appliedNotice(db, first, owner, fromName, clientsOf.get(owner.memberId) ?? "[]");
      if (!step((tx) => notifier.applied(tx, notice, input.now))) return stillOwedResult(db, id);
    }
  }
  yield;
  const done = step(() => {
    // A second-voice touch planned for these clients gives way to the reactivation call (de-starring).
    voidStaleTouches(db, first.teamId, input.now);
    raw(db).prepare(`UPDATE distributions SET followed_up_at = ? WHERE id = ?`).run(input.now.getTime(), id);
  });
  return done ? { kind: "done", callsScheduled: plan.count } : stillOwedResult(db, id);
}

/** Why a step found nothing to do: undone meanwhile, or finished by someone else. */
function stillOwedResult(db: Db, id: number): FollowUpResult {
  const d = distributionRow(db, id);
  return d?.status === "applied" ? { kind: "already", callsScheduled: callCount(db, id) } : { kind: "not_applied" };
}

/** Applied distributions whose follow-up has not run (a crash between the two, or a failed follow-up). */
export function pendingFollowUps(db: Db, skip: ReadonlySet<number> = new Set()): number[] {
  const ids = raw(db).prepare(`SELECT id FROM distributions WHERE status = 'applied' AND followed_up_at IS NULL ORDER BY id`).pluck().all() as number[];
  return ids.filter((id) => !skip.has(id));
}

/** Through the distribution's items and calls_client_idx: the cost follows the distribution, not the table. */
function callCount(db: Db, distributionId: number): number {
  return raw(db)
    .prepare(
      `SELECT count(*) FROM distribution_items di JOIN calls k ON k.client_id = di.client_id AND k.distribution_id = di.distribution_id
        WHERE di.distribution_id = ?`,
    )
    .pluck()
    .get(distributionId) as number;
}

/** Each new owner's client ids (a JSON array), in one pass over the items. */
function clientsPerOwner(db: Db, distributionId: number): Map<number, string> {
  const rows = raw(db)
    .prepare(`SELECT to_member_id, json_group_array(client_id) FROM distribution_items WHERE distribution_id = ? GROUP BY to_member_id`)
    .raw()
    .all(distributionId) as [number, string][];
  return new Map(rows);
}

type NoticeRow = [id: number, name: string, company: string | null, phones: string, email: string | null, temperature: Temperature, nextContactOn: string | null];

/** One new owner's message: the clients they still have from it, those with commitments first. */
function appliedNotice(db: Db, dist: Dist, owner: OwnerBrief, fromName: string | null, clientIds: string): AppliedNotice {
  const rows = raw(db)
    .prepare(
      `SELECT c.id, c.name, c.company, c.phones, c.email, c.temperature, c.next_contact_on FROM clients c
        WHERE c.id IN (SELECT value FROM json_each(?)) AND c.owner_id = ? AND c.status = 'active'`,
    )
    .raw()
    .all(clientIds, owner.memberId) as NoticeRow[];
  const commitmentsOf = new Map<number, NoticeClient["commitments"]>();
  const open = raw(db)
    .prepare(
      `SELECT k.client_id, k.kind, k.text, k.due_on FROM commitments k
        WHERE k.client_id IN (SELECT value FROM json_each(?)) AND k.status = 'open' ORDER BY k.due_on IS NULL, k.due_on, k.id`,
    )
    .raw()
    .all(clientIds) as [number, string, string, string | null][];
  for (const [clientId, kind, text, dueOn] of open) {
    const list = commitmentsOf.get(clientId) ?? [];
    list.push({ kind, text, dueOn });
    commitmentsOf.set(clientId, list);
  }
  const clients = rows.map(([id, name, company, phones, email, temperature, nextContactOn]): NoticeClient => ({
    id,
    name,
    company,
    phones: JSON.parse(phones) as string[],
    email,
    temperature,
    nextContactOn,
    commitments: commitmentsOf.get(id) ?? [],
  }));
  return { distributionId: dist.id, teamId: dist.teamId, handoverId: dist.handoverId, owner, fromName, clients: sortForNotice(clients) };
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
