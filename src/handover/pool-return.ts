// A cancelled handover's clients waiting in the unassigned pool (an undone distribution put them there, or a
// file gave them to the leaver while leaving) go back to the leaver, who stays: nobody else was given them.
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { calls, clientEvents, clients, commitments } from "../db/schema.js";

const EVENTS_PER_INSERT = 500;

/** Returns how many clients went back. Their open commitments and calls go with them; each client's history says so. */
export function returnPoolClientsToLeaver(tx: DbOrTx, handover: { id: number; leaverId: number }, input: { actorId: number; now: Date }): number {
  const at = input.now.getTime();
  const waiting = and(eq(clients.originHandoverId, handover.id), isNull(clients.ownerId), eq(clients.status, "active"));
  tx.update(commitments)
    .set({ ownerId: handover.leaverId })
    .where(and(inArray(commitments.clientId, tx.select({ id: clients.id }).from(clients).where(waiting)), isNull(commitments.ownerId), eq(commitments.status, "open")))
    .run();
  // Their open calls go with them (a colleague's second-voice touch stays the colleague's).
  tx.update(calls)
    .set({ assigneeId: handover.leaverId })
    .where(and(inArray(calls.clientId, tx.select({ id: clients.id }).from(clients).where(waiting)), eq(calls.status, "open"), ne(calls.kind, "second_voice")))
    .run();
  const back = tx.update(clients).set({ ownerId: handover.leaverId, unassignedSince: null, updatedAt: at }).where(waiting).returning({ id: clients.id, teamId: clients.teamId }).all();
  const details = { fromOwnerId: null, toOwnerId: handover.leaverId, handoverCancelled: handover.id };
  // Rows a statement at a time stay well under SQLite's limit of bound values.
  for (let i = 0; i < back.length; i += EVENTS_PER_INSERT) {
    const rows = back.slice(i, i + EVENTS_PER_INSERT).map((c) => ({ teamId: c.teamId, clientId: c.id, actorId: input.actorId, kind: "owner_changed", details, at }));
    tx.insert(clientEvents).values(rows).run();
  }
  return back.length;
}
