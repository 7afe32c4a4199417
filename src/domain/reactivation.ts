// Reactivation calls created by a distribution. (Owned by the calls work; the signatures below are what
// the distribution flow calls inside its apply/undo transactions.)
import { and, eq, gt, gte, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, clients, commitments, distributionItems, handovers, teams } from "../db/schema.js";
import type { DbOrTx } from "../outbox/outbox.js";
import { localDate } from "./calendar.js";
import { scheduleCalls } from "./call-schedule.js";
import { teamCalendar } from "./calls.js";

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
  const team = tx.select().from(teams).where(eq(teams.id, input.teamId)).get();
  if (!team) return 0;
  const calendar = teamCalendar(team);
  const today = localDate(input.now, team.timezone);
  let startOn = today;
  if (input.handoverId !== null) {
    const handover = tx.select({ lastDay: handovers.lastDay }).from(handovers).where(eq(handovers.id, input.handoverId)).get();
    if (handover && handover.lastDay > startOn) startOn = handover.lastDay;
  }

  // The moved clients with their most urgent date: next contact or earliest open commitment deadline.
  const deadlines = tx
    .select({ clientId: commitments.clientId, dueOn: sql<string>`min(${commitments.dueOn})`.as("due_on") })
    .from(commitments)
    .innerJoin(distributionItems, and(eq(distributionItems.clientId, commitments.clientId), eq(distributionItems.distributionId, input.distributionId)))
    .where(and(eq(commitments.status, "open"), isNotNull(commitments.dueOn)))
    .groupBy(commitments.clientId)
    .as("deadlines");
  const moved = tx
    .select({
      clientId: distributionItems.clientId,
      assigneeId: distributionItems.toMemberId,
      temperature: clients.temperature,
      nextContactOn: clients.nextContactOn,
      deadline: deadlines.dueOn,
    })
    .from(distributionItems)
    .innerJoin(clients, eq(clients.id, distributionItems.clientId))
    .leftJoin(deadlines, eq(deadlines.clientId, distributionItems.clientId))
    .where(
      and(
        eq(distributionItems.distributionId, input.distributionId),
        eq(clients.teamId, input.teamId),
        eq(clients.status, "active"),
        sql`not exists (select 1 from ${calls} where ${calls.clientId} = ${distributionItems.clientId} and ${calls.distributionId} = ${input.distributionId})`,
      ),
    )
    .all();
  if (moved.length === 0) return 0;

  // What the new owners already have on their days, so the cap counts everything they must call.
  const existingPerDay = new Map<string, number>();
  const busy = tx
    .select({ assigneeId: calls.assigneeId, dueOn: calls.dueOn, n: sql<number>`count(*)` })
    .from(calls)
    .where(
      and(
        eq(calls.status, "open"),
        gte(calls.dueOn, startOn),
        inArray(calls.assigneeId, [...new Set(moved.map((m) => m.assigneeId))]),
      ),
    )
    .groupBy(calls.assigneeId, calls.dueOn)
    .all();
  for (const b of busy) existingPerDay.set(`${b.assigneeId}|${b.dueOn}`, b.n);

  const scheduled = scheduleCalls(
    moved.map((m) => ({
      clientId: m.clientId,
      assigneeId: m.assigneeId,
      temperature: m.temperature,
      urgentOn: earliest(m.nextContactOn, m.deadline),
    })),
    { startOn, windowDays: Math.max(1, team.campaignDays), maxPerManagerPerDay: Math.max(1, team.maxCallsPerDay), calendar, existingPerDay },
  );
  insertCalls(tx, scheduled, { teamId: input.teamId, handoverId: input.handoverId, distributionId: input.distributionId, createdAt: input.now.getTime() });
  return scheduled.length;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * One INSERT … SELECT over a JSON array when the handle can run raw SQL (a 50k-client distribution stays
 * one statement); chunked multi-row inserts otherwise.
 */
function insertCalls(
  tx: DbOrTx,
  rows: { clientId: number; assigneeId: number; dueOn: string }[],
  common: { teamId: number; handoverId: number | null; distributionId: number; createdAt: number },
): void {
  const runner = tx as Partial<Pick<Db, "run">>;
  if (typeof runner.run === "function") {
    const json = JSON.stringify(rows.map((r) => [r.clientId, r.assigneeId, r.dueOn]));
    runner.run(sql`
      insert into ${calls} (team_id, client_id, assignee_id, handover_id, distribution_id, kind, due_on, status, attempts, created_at)
      select ${common.teamId}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ${common.handoverId}, ${common.distributionId},
             'reactivation', json_extract(value, '$[2]'), 'open', 0, ${common.createdAt}
        from json_each(${json})`);
    return;
  }
  for (let i = 0; i < rows.length; i += 500) {
    tx.insert(calls)
      .values(rows.slice(i, i + 500).map((r) => ({ ...common, clientId: r.clientId, assigneeId: r.assigneeId, dueOn: r.dueOn, kind: "reactivation" as const })))
      .run();
  }
}

/** True once any call of the distribution has an outcome or an attempt: from then on it cannot be undone. */
export function hasRecordedCalls(tx: DbOrTx, distributionId: number): boolean {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(calls)
    .where(and(eq(calls.distributionId, distributionId), or(ne(calls.status, "open"), gt(calls.attempts, 0))))
    .get();
  return (row?.n ?? 0) > 0;
}

/** Cancels the open calls of an undone distribution. */
export function cancelReactivationCalls(tx: DbOrTx, distributionId: number): number {
  return tx
    .update(calls)
    .set({ status: "cancelled" })
    .where(and(eq(calls.distributionId, distributionId), eq(calls.status, "open")))
    .returning({ id: calls.id })
    .all().length;
}
