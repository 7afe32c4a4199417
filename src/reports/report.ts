// The lead's /report: per handover and per manager, how the reactivation calls are going.
// Two grouped queries over the team's reactivation calls; no per-client work.
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calls, clients, handovers, members, type HandoverStatus, type LostReason, type Terms } from "../db/schema.js";

export interface Tally {
  /** Clients transferred (one reactivation call each). */
  total: number;
  /** Calls with an outcome: reached or lost. */
  done: number;
  reached: number;
  /** Open calls with at least one unanswered attempt. */
  noAnswer: number;
  lost: number;
  lostReasons: Partial<Record<LostReason, number>>;
  /** Transferred clients with a next contact planned from today on. */
  nextSet: number;
  /** Open calls past their day. */
  overdue: number;
}

export interface ManagerTally extends Tally {
  memberId: number;
  name: string;
}

export interface HandoverReport {
  /** null: clients distributed from the shared pool, not from a handover. */
  handoverId: number | null;
  leaverName: string | null;
  terms: Terms | null;
  status: HandoverStatus | null;
  lastDay: string | null;
  totals: Tally;
  managers: ManagerTally[];
}

/** Handovers shown, newest first; older ones stay in the database. */
export const REPORT_HANDOVERS = 10;

export function emptyTally(): Tally {
  return { total: 0, done: 0, reached: 0, noAnswer: 0, lost: 0, lostReasons: {}, nextSet: 0, overdue: 0 };
}

export function buildReport(db: Db, input: { teamId: number; today: string }): HandoverReport[] {
  const { teamId, today } = input;
  const rows = db
    .select({
      handoverId: calls.handoverId,
      memberId: calls.assigneeId,
      lostReason: calls.lostReason,
      total: sql<number>`count(*)`,
      reached: sql<number>`sum(${calls.status} = 'reached')`,
      lost: sql<number>`sum(${calls.status} = 'lost')`,
      noAnswer: sql<number>`sum(${calls.status} = 'open' and ${calls.attempts} > 0)`,
      overdue: sql<number>`sum(${calls.status} = 'open' and ${calls.dueOn} < ${today})`,
      nextSet: sql<number>`sum(${clients.nextContactOn} >= ${today} and ${clients.status} = 'active')`,
    })
    .from(calls)
    .innerJoin(clients, eq(clients.id, calls.clientId))
    .where(and(eq(calls.teamId, teamId), eq(calls.kind, "reactivation"), ne(calls.status, "cancelled")))
    .groupBy(calls.handoverId, calls.assigneeId, calls.lostReason)
    .all();
  if (rows.length === 0) return [];

  const handoverIds = [...new Set(rows.map((r) => r.handoverId).filter((id): id is number => id !== null))];
  const shown = handoverIds.length
    ? db
        .select({ id: handovers.id, terms: handovers.terms, status: handovers.status, lastDay: handovers.lastDay, leaverName: members.name })
        .from(handovers)
        .innerJoin(members, eq(members.id, handovers.leaverId))
        .where(and(eq(handovers.teamId, teamId), inArray(handovers.id, handoverIds)))
        .orderBy(desc(handovers.id))
        .limit(REPORT_HANDOVERS)
        .all()
    : [];
  const memberIds = [...new Set(rows.map((r) => r.memberId))];
  const names = new Map(db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)).all().map((m) => [m.id, m.name]));

  const reports: HandoverReport[] = shown.map((h) => ({
    handoverId: h.id,
    leaverName: h.leaverName,
    terms: h.terms,
    status: h.status,
    lastDay: h.lastDay,
    totals: emptyTally(),
    managers: [],
  }));
  const byHandover = new Map<number | null, HandoverReport>(reports.map((r) => [r.handoverId, r]));
  if (rows.some((r) => r.handoverId === null)) {
    const pool: HandoverReport = { handoverId: null, leaverName: null, terms: null, status: null, lastDay: null, totals: emptyTally(), managers: [] };
    reports.push(pool);
    byHandover.set(null, pool);
  }

  for (const row of rows) {
    const report = byHandover.get(row.handoverId);
    if (!report) continue; // an older handover beyond the ones shown
    let manager = report.managers.find((m) => m.memberId === row.memberId);
    if (!manager) report.managers.push((manager = { memberId: row.memberId, name: names.get(row.memberId) ?? "—", ...emptyTally() }));
    for (const tally of [report.totals, manager]) {
      tally.total += row.total;
      tally.reached += row.reached ?? 0;
      tally.lost += row.lost ?? 0;
      tally.done += (row.reached ?? 0) + (row.lost ?? 0);
      tally.noAnswer += row.noAnswer ?? 0;
      tally.overdue += row.overdue ?? 0;
      tally.nextSet += row.nextSet ?? 0;
      if (row.lostReason && row.lost) tally.lostReasons[row.lostReason] = (tally.lostReasons[row.lostReason] ?? 0) + row.lost;
    }
  }
  for (const r of reports) r.managers.sort((a, b) => a.name.localeCompare(b.name) || a.memberId - b.memberId);
  return reports;
}
