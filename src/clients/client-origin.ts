// A client remembers the handover it came from (clients.origin_handover_id, set when the handover starts
// and when a file names the leaver as owner). This module is what a move by hand does with it: the
// client's open calls follow it to the new owner, it gets its handover's reactivation call if it has
// none, and the handover's redistribute step completes once nothing of the leaver is left.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { calls, clients, handovers, teams } from "../db/schema.js";
import type { DbOrTx } from "../db/client.js";
import { addWorkingDays, localDate } from "../platform/calendar.js";
import { teamCalendar } from "../platform/work-time.js";
import { getHandover, handoverClientCounts, markStepDoneAutomatically } from "../handover/checklist.js";
import { mergeIntoPromisedCall } from "../calls/reactivation.js";

/** The active handover a client came from, or null. */
export function activeOrigin(tx: DbOrTx, clientId: number): { id: number; lastDay: string } | null {
  const row = tx
    .select({ id: handovers.id, lastDay: handovers.lastDay })
    .from(clients)
    .innerJoin(handovers, and(eq(handovers.id, clients.originHandoverId), eq(handovers.status, "active")))
    .where(eq(clients.id, clientId))
    .get();
  return row ?? null;
}

/** After a lead gave the client to `toMemberId` by hand (inside that transaction). */
export function followClientMovedByHand(tx: DbOrTx, input: { teamId: number; clientId: number; toMemberId: number; now: Date }): void {
  tx.update(calls)
    .set({ assigneeId: input.toMemberId })
    .where(and(eq(calls.clientId, input.clientId), eq(calls.status, "open")))
    .run();
  const origin = activeOrigin(tx, input.clientId);
  if (!origin) return;
  const open = tx
    .select({ id: calls.id, kind: calls.kind })
    .from(calls)
    .where(and(eq(calls.clientId, input.clientId), eq(calls.status, "open")))
    .orderBy(desc(sql`${calls.kind} = 'reactivation'`), asc(calls.dueOn), asc(calls.id))
    .get();
  if (open?.kind !== "reactivation") {
    const team = tx.select().from(teams).where(eq(teams.id, input.teamId)).get()!;
    const today = localDate(input.now, team.timezone);
    const dueOn = addWorkingDays(origin.lastDay > today ? origin.lastDay : today, 0, teamCalendar(team));
    // One client, one open call: a call promised to the client takes the reactivation in.
    if (open) {
      mergeIntoPromisedCall(tx, open.id, { assigneeId: input.toMemberId, dueOn, handoverId: origin.id, distributionId: null });
    } else {
      tx.insert(calls)
        .values({ teamId: input.teamId, clientId: input.clientId, assigneeId: input.toMemberId, handoverId: origin.id, kind: "reactivation", dueOn, createdAt: input.now.getTime() })
        .run();
    }
  }
  const handover = getHandover(tx, origin.id);
  if (!handover) return;
  const left = handoverClientCounts(tx, handover);
  if (left.ownedByLeaver === 0 && left.unassigned === 0) markStepDoneAutomatically(tx, { handoverId: origin.id, kind: "redistribute", now: input.now });
}
