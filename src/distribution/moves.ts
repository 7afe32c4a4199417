/**
 * The writes of one step of an apply (apply.ts): the next clients of the proposal (or, for "take them
 * myself", of the scope) to their new owners, and the leaver's leftovers to the pool. Each runs inside the
 * step's transaction.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, lte, max, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, clientEvents, clients, commitments, distributionItems, members } from "../db/schema.js";
import { inScope, insertItems, scopeOf } from "./queries.js";
import type { Distribution, HandoverRow } from "./types.js";

/** What this run's moves did: the finish need not count 50,000 items again. */
export interface Tally {
  perOwner: Map<number, number>;
  /** The handovers the moved clients came from (clients.origin_handover_id). */
  origins: Set<number>;
}

/**
 * Moves the next `perStep` items after client `after`; returns the last client id it looked at, or null
 * when no item is left.
 */
export function moveStep(db: Db, dist: Distribution, after: number, perStep: number, actorId: number, now: Date, tally: Tally): number | null {
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
export function takeStep(
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
export function leftoversToPool(db: Db, dist: Distribution, leaverId: number, perStep: number, actorId: number, now: Date): number {
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
