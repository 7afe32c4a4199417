/**
 * Undoing an applied distribution, in one transaction, until a call of it has been recorded.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { distributions } from "../db/schema.js";
import { reopenStepAutomatically } from "../handover/checklist.js";
import { audit, getDistribution, getHandover, handoversOf, ownersOf, raw } from "./queries.js";
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
    if (hasRecordedCalls(tx, dist.id)) return { kind: "calls_recorded" };
    const q = raw(db);
    const now = input.now.getTime();
    const owners = ownersOf(db, dist.id);
    const handoverIds = handoversOf(db, dist);

    // Only clients nobody has moved since: a later change by hand is not undone behind anyone's back.
    const stillOurs = `FROM distribution_items di JOIN clients c ON c.id = di.client_id
       WHERE di.distribution_id = ? AND c.owner_id = di.to_member_id AND c.status = 'active'`;
    q.prepare(
      `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
       SELECT ?, di.client_id, ?, 'unassigned', json_object('distributionId', di.distribution_id, 'undo', json('true'), 'from', di.to_member_id), ?
       ${stillOurs}`,
    ).run(dist.teamId, input.actorId, now, dist.id);
    q.prepare(
      `UPDATE commitments SET owner_id = NULL FROM distribution_items di JOIN clients c ON c.id = di.client_id
        WHERE di.distribution_id = ? AND commitments.client_id = di.client_id AND commitments.status = 'open'
          AND c.owner_id = di.to_member_id AND c.status = 'active'`,
    ).run(dist.id);
    const returned = q
      .prepare(
        `UPDATE clients SET owner_id = NULL, unassigned_since = ?, updated_at = ?
           FROM distribution_items di WHERE di.distribution_id = ? AND di.client_id = clients.id
            AND clients.owner_id = di.to_member_id AND clients.status = 'active'`,
      )
      .run(now, now, dist.id).changes;

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
    const told = (q.prepare(`SELECT followed_up_at AS at FROM distributions WHERE id = ?`).get(dist.id) as { at: number | null }).at !== null;
    if (!told) q.prepare(`UPDATE distributions SET followed_up_at = ? WHERE id = ?`).run(now, dist.id);
    if (input.notifier && told) {
      const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
      for (const owner of owners) {
        if (owner.memberId === input.actorId) continue; // the lead sees the confirmation
        input.notifier.undone(tx, { distributionId: dist.id, teamId: dist.teamId, owner, fromName: handover?.leaverName ?? null }, input.now);
      }
    }
    return { kind: "undone", distributionId: dist.id, handoverId: dist.handoverId, returned, owners, handoverIds };
  });
}
