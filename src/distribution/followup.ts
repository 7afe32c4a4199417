/**
 * What follows an applied distribution, in a second transaction right after the apply: the reactivation
 * call for every moved client and the message to every new owner. Kept out of the apply so the lead's
 * tap commits quickly however large the base; `followed_up_at` makes it happen exactly once, and the
 * scheduler's tick finishes any follow-up a crash interrupted.
 */
import type { Db } from "../db/client.js";
import type { Temperature } from "../db/schema.js";
import { getHandover, ownersOf, type AppliedNotice, type DistributionNotifier, type HandoverRow, type NoticeClient, type OwnerBrief } from "./distribution.js";
import { scheduleReactivationCalls } from "../calls/reactivation.js";
import { voidStaleTouches } from "../stars/plan-touches.js";

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

export interface Dist {
  id: number;
  teamId: number;
  handoverId: number | null;
  status: string;
  followedUpAt: number | null;
}

export function distributionRow(db: Db, distributionId: number): Dist | undefined {
  return db.$client
    .prepare(`SELECT id, team_id AS teamId, handover_id AS handoverId, status, followed_up_at AS followedUpAt FROM distributions WHERE id = ?`)
    .get(distributionId) as Dist | undefined;
}

export function followUpDistribution(db: Db, input: FollowUpInput): FollowUpResult {
  const q = db.$client;
  return db.transaction((tx) => {
    const dist = distributionRow(db, input.distributionId);
    if (!dist || dist.status !== "applied") return { kind: "not_applied" };
    if (dist.followedUpAt !== null) return { kind: "already", callsScheduled: callCount(db, dist.id) };

    const callsScheduled = scheduleReactivationCalls(tx, { distributionId: dist.id, handoverId: dist.handoverId, teamId: dist.teamId, now: input.now });
    // A second-voice touch planned for these clients gives way to the reactivation call (de-starring).
    voidStaleTouches(db, dist.teamId, input.now);
    if (input.notifier) for (const notice of appliedNotices(db, dist)) input.notifier.applied(tx, notice, input.now);
    q.prepare(`UPDATE distributions SET followed_up_at = ? WHERE id = ?`).run(input.now.getTime(), dist.id);
    return { kind: "done", callsScheduled };
  });
}

/** Applied distributions whose follow-up has not run (a crash between the two transactions). */
export function pendingFollowUps(db: Db, skip: ReadonlySet<number> = new Set()): number[] {
  const ids = db.$client.prepare(`SELECT id FROM distributions WHERE status = 'applied' AND followed_up_at IS NULL ORDER BY id`).pluck().all() as number[];
  return ids.filter((id) => !skip.has(id));
}

/** Through the distribution's items and calls_client_idx: the cost follows the distribution, not the table. */
export function callCount(db: Db, distributionId: number): number {
  return db.$client
    .prepare(
      `SELECT count(*) FROM distribution_items di JOIN calls k ON k.client_id = di.client_id AND k.distribution_id = di.distribution_id
        WHERE di.distribution_id = ?`,
    )
    .pluck()
    .get(distributionId) as number;
}

type NoticeRow = [ownerId: number, id: number, name: string, company: string | null, phones: string, email: string | null, temperature: Temperature, nextContactOn: string | null];

/** Each new owner's message lists the clients they still have from it, those with commitments first. */
export function appliedNotices(db: Db, dist: Dist): AppliedNotice[] {
  const handover: HandoverRow | null = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
  const owners: OwnerBrief[] = ownersOf(db, dist.id);
  const rows = db.$client
    .prepare(
      `SELECT c.owner_id, c.id, c.name, c.company, c.phones, c.email, c.temperature, c.next_contact_on
         FROM distribution_items di JOIN clients c ON c.id = di.client_id
        WHERE di.distribution_id = ? AND c.owner_id = di.to_member_id AND c.status = 'active'`,
    )
    .raw()
    .all(dist.id) as NoticeRow[];
  const commitmentsOf = new Map<number, NoticeClient["commitments"]>();
  const open = db.$client
    .prepare(
      `SELECT k.client_id, k.kind, k.text, k.due_on FROM commitments k
         JOIN distribution_items di ON di.client_id = k.client_id AND di.distribution_id = ?
        WHERE k.status = 'open' ORDER BY k.due_on IS NULL, k.due_on, k.id`,
    )
    .raw()
    .all(dist.id) as [number, string, string, string | null][];
  for (const [clientId, kind, text, dueOn] of open) {
    const list = commitmentsOf.get(clientId) ?? [];
    list.push({ kind, text, dueOn });
    commitmentsOf.set(clientId, list);
  }
  const byOwner = new Map<number, NoticeClient[]>();
  for (const [ownerId, id, name, company, phones, email, temperature, nextContactOn] of rows) {
    const list = byOwner.get(ownerId) ?? [];
    list.push({ id, name, company, phones: JSON.parse(phones) as string[], email, temperature, nextContactOn, commitments: commitmentsOf.get(id) ?? [] });
    byOwner.set(ownerId, list);
  }
  return owners.map((owner) => ({
    distributionId: dist.id,
    teamId: dist.teamId,
    handoverId: dist.handoverId,
    owner,
    fromName: handover?.leaverName ?? null,
    clients: sortForNotice(byOwner.get(owner.memberId) ?? []),
  }));
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
