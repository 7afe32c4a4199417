/**
 * Applying a proposal: owners, commitments, history, the pool, the checklist step. The reactivation calls
 * and the new owners' messages follow (distribution-followup.ts).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { distributions } from "../db/schema.js";
import { getHandover as getChecklistHandover, handoverClientCounts, markStepDoneAutomatically } from "./checklist.js";
import {
  audit,
  countScope,
  getDistribution,
  getHandover,
  handoversOf,
  insertItems,
  isReachable,
  isStale,
  itemCount,
  loadScopeClients,
  ownersOf,
  raw,
  recordedClientCount,
  scopeOf,
  type Tx,
} from "./distribution-queries.js";
import type { ApplyInput, ApplyResult, Distribution, HandoverRow } from "./distribution-types.js";


/**
 * Applies a proposal in one transaction: owners, commitments, history, the pool, the checklist step. The
 * reactivation calls and the new owners' messages follow in a second one (followUpDistribution), which
 * the caller runs next and the scheduler finishes if a crash came in between. Refuses a proposal that is
 * no longer open (a double tap) and a stale one (clients or managers changed since it was made): the
 * caller re-plans and shows the new table.
 */
export function applyDistribution(db: Db, input: ApplyInput): ApplyResult {
  return applying(db, input, (tx, { dist, handover }) => {
    const items = itemCount(db, dist.id);
    // Nobody to give the clients to: only "take them myself" or cancel make sense.
    if (items === 0) return { kind: "empty" };
    if (isStale(db, dist)) return { kind: "stale" };
    return applyInTransaction(db, tx, dist, handover, input, { items, scope: recordedClientCount(db, dist.teamId, dist.id) });
  });
}

/** "Take them myself": the lead becomes the owner of every client of the scope, in one transaction. */
export function takeOverDistribution(db: Db, input: ApplyInput): ApplyResult {
  return applying(db, input, (tx, { dist, handover }) => {
    // Whatever the scope holds now goes to the lead: no stale proposal is possible here.
    const scope = loadScopeClients(db, dist.teamId, scopeOf(handover));
    if (scope.length === 0) return { kind: "empty" };
    raw(db).prepare(`DELETE FROM distribution_items WHERE distribution_id = ?`).run(dist.id);
    insertItems(db, dist.id, scope.map((c) => [c.id, c.ownerId, input.actorId]));
    return applyInTransaction(db, tx, dist, handover, input, { items: scope.length, scope: scope.length });
  });
}

/** Thrown inside the apply when a client of the proposal has changed since: the transaction rolls back. */
class StaleProposal extends Error {}

/** The checks both ways of applying share, and the transaction `apply` runs in. */
function applying(
  db: Db,
  input: ApplyInput,
  apply: (tx: Tx, open: { dist: Distribution; handover: HandoverRow | null }) => ApplyResult,
): ApplyResult {
  try {
    return db.transaction((tx) => {
      const dist = getDistribution(db, input.distributionId, input.teamId);
      if (!dist) return { kind: "not_found" };
      if (dist.status !== "proposed") return { kind: "not_proposed", status: dist.status };
      const handover = dist.handoverId === null ? null : getHandover(db, dist.handoverId);
      if (handover && handover.status !== "active") return { kind: "handover_not_active" };
      return apply(tx, { dist, handover });
    });
  } catch (err) {
    if (err instanceof StaleProposal) return { kind: "stale" };
    throw err;
  }
}



/** `expected`: the proposal's items, and the clients its scope held when it was made (null: not recorded). */
function applyInTransaction(
  db: Db,
  tx: Tx,
  dist: Distribution,
  handover: HandoverRow | null,
  input: ApplyInput,
  expected: { items: number; scope: number | null },
): ApplyResult {
  const q = raw(db);
  const now = input.now.getTime();
  const leaverId = handover?.leaverId ?? null;

  // Owner change, set-based: the previous owner is remembered (a pool client keeps the one it had). Only
  // clients still as the proposal found them change; one fewer means the proposal is stale: roll back.
  const moved = q
    .prepare(
      `UPDATE clients SET owner_id = di.to_member_id, previous_owner_id = coalesce(clients.owner_id, clients.previous_owner_id),
              unassigned_since = NULL, updated_at = ?
         FROM distribution_items di WHERE di.distribution_id = ? AND di.client_id = clients.id
          AND clients.team_id = ? AND clients.status = 'active' AND clients.owner_id IS di.from_member_id`,
    )
    .run(now, dist.id, dist.teamId).changes;
  if (moved !== expected.items) throw new StaleProposal();
  // What is left of the scope now must be exactly what the proposal left out: more is a client added since.
  if (expected.scope !== null && countScope(db, dist.teamId, scopeOf(handover)) !== expected.scope - moved) throw new StaleProposal();
  // Open commitments follow their client.
  q.prepare(
    `UPDATE commitments SET owner_id = di.to_member_id FROM distribution_items di
      WHERE di.distribution_id = ? AND commitments.client_id = di.client_id AND commitments.status = 'open'`,
  ).run(dist.id);
  // So do their open calls, whoever had them (the leaver, or the last owner of a pool client): a promised
  // call back keeps its day and reaches the person who now owns the client. Walks the team's open calls
  // (calls_team_status_idx), never more than one probe per call.
  q.prepare(
    `UPDATE calls SET assignee_id = di.to_member_id FROM distribution_items di
      WHERE calls.team_id = ? AND calls.status = 'open' AND di.distribution_id = ? AND calls.client_id = di.client_id
        AND calls.assignee_id != di.to_member_id`,
  ).run(dist.teamId, dist.id);
  q.prepare(
    `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at)
     SELECT ?, di.client_id, ?, 'assigned',
            json_object('distributionId', di.distribution_id, 'from', di.from_member_id, 'to', di.to_member_id), ?
       FROM distribution_items di WHERE di.distribution_id = ?`,
  ).run(dist.teamId, input.actorId, now, dist.id);

  // No client is left behind: what the leaver still owns goes to the pool, with the leaver remembered.
  if (leaverId !== null) {
    const left = q
      .prepare(`SELECT id FROM clients WHERE team_id = ? AND owner_id = ? AND status = 'active'`)
      .all(dist.teamId, leaverId) as { id: number }[];
    if (left.length > 0) {
      const toPoolStmt = q.prepare(
        `UPDATE clients SET owner_id = NULL, previous_owner_id = ?, unassigned_since = ?, updated_at = ? WHERE id = ?`,
      );
      const freeCommitments = q.prepare(`UPDATE commitments SET owner_id = NULL WHERE client_id = ? AND status = 'open'`);
      const event = q.prepare(
        `INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, 'unassigned', ?, ?)`,
      );
      const details = JSON.stringify({ distributionId: dist.id, from: leaverId });
      for (const { id } of left) {
        toPoolStmt.run(leaverId, now, now, id);
        freeCommitments.run(id);
        event.run(dist.teamId, id, input.actorId, details, now);
      }
    }
  }
  const toPool = countScope(db, dist.teamId, scopeOf(handover));

  tx.update(distributions).set({ status: "applied", appliedAt: now }).where(eq(distributions.id, dist.id)).run();
  const handoverIds = handoversOf(db, dist);
  const stepDone = completeSteps(db, tx, dist, leaverId, input.now, handoverIds);
  const owners = ownersOf(db, dist.id);
  audit(tx, {
    teamId: dist.teamId,
    handoverId: dist.handoverId,
    actorId: input.actorId,
    action: "distribution.applied",
    details: { distributionId: dist.id, moved, toPool, owners: owners.map((o) => ({ memberId: o.memberId, count: o.count })) },
    now: input.now,
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

