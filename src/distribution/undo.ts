/**
 * Undoing an applied distribution, in one transaction, until a call of it has been recorded.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { clientEvents, clients, commitments, distributionItems, distributions } from "../db/schema.js";
import { reopenStepAutomatically } from "../handover/checklist.js";
import { audit, getDistribution, handoversOf, memberName, ownersOf } from "./queries.js";
import { getHandover } from "../handover/checklist.js";
import type { DistributionNotifier, UndoResult } from "./types.js";
import { cancelReactivationCalls, hasRecordedCalls } from "../calls/reactivation.js";

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
    const handoverIds = handoversOf(db, dist);
    // The handover was cancelled (its leaver stays): the new owners keep the clients, as the cancel said, and
    // their calls since are theirs; a client goes back by hand, from its card.
    if (handoverIds.some((id) => getHandover(tx, id)?.status === "cancelled")) return { kind: "handover_cancelled" };
    if (hasRecordedCalls(tx, dist.id)) return { kind: "calls_recorded" };
    const now = input.now.getTime();
    const owners = ownersOf(db, dist.id);

    // Only clients nobody has moved since: a later change by hand is not undone behind anyone's back.
    const stillOurs = and(eq(distributionItems.distributionId, dist.id), eq(clients.ownerId, distributionItems.toMemberId), eq(clients.status, "active"));
    tx.insert(clientEvents)
      .select(
        tx
          .select({
            id: sql<number>`null`.as("id"), // the table's own key (drizzle's insert…select takes every column, in order)
          teamId: sql<number>`${dist.teamId}`.as("team_id"),
            clientId: distributionItems.clientId,
            actorId: sql<number>`${input.actorId}`.as("actor_id"),
            kind: sql<string>`'unassigned'`.as("kind"),
            details: sql<string>`json_object('distributionId', ${distributionItems.distributionId}, 'undo', json('true'), 'from', ${distributionItems.toMemberId})`.as("details"),
            at: sql<number>`${now}`.as("at"),
          })
          .from(distributionItems)
          .innerJoin(clients, eq(clients.id, distributionItems.clientId))
          .where(stillOurs),
      )
      .run();
    const ours = tx.select({ clientId: distributionItems.clientId }).from(distributionItems).innerJoin(clients, eq(clients.id, distributionItems.clientId)).where(stillOurs);
    tx.update(commitments).set({ ownerId: null }).where(and(inArray(commitments.clientId, ours), eq(commitments.status, "open"))).run();
    const returned = tx
      .update(clients)
      .set({ ownerId: null, unassignedSince: now, updatedAt: now })
      .from(distributionItems)
      .where(and(eq(distributionItems.distributionId, dist.id), eq(distributionItems.clientId, clients.id), eq(clients.ownerId, distributionItems.toMemberId), eq(clients.status, "active")))
      .run().changes;

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
    const told = tx.select({ at: distributions.followedUpAt }).from(distributions).where(eq(distributions.id, dist.id)).get()?.at != null;
    if (!told) tx.update(distributions).set({ followedUpAt: now }).where(eq(distributions.id, dist.id)).run();
    if (input.notifier && told) {
      const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
      const fromName = handover ? memberName(db, handover.leaverId) : null;
      for (const owner of owners) {
        if (owner.memberId === input.actorId) continue; // the lead sees the confirmation
        input.notifier.undone(tx, { distributionId: dist.id, teamId: dist.teamId, owner, fromName }, input.now);
      }
    }
    return { kind: "undone", distributionId: dist.id, handoverId: dist.handoverId, returned, owners, handoverIds };
  });
}
