// What the charts of one handover need from the database: each manager's calls by outcome, the lost
// reasons, the day each call was made and each call's due day. One grouped query per part; no Telegram.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { calls, checklistSteps, handovers, members, type LostReason } from "../../db/schema.js";
import { localDate } from "../../platform/calendar.js";
import type { ProgressRow } from "./progress-spec.js";

export interface HandoverChartData {
  /** The local day the handover (or the pool distribution) started. */
  startedOn: string;
  /** The reactivation step's due day, if the handover has one. */
  due: string | null;
  total: number;
  rows: (ProgressRow & { memberId: number })[];
  lostReasons: Partial<Record<LostReason, number>>;
  madeOn: string[];
  dueOn: string[];
}

/** A call the client asked to be called back on: an open call whose day or time the callback set. */
const CALLBACK = sql`(${calls.dueTime} is not null or exists (select 1 from client_events e where e.client_id = ${calls.clientId} and e.kind = 'call_callback' and json_extract(e.details, '$.callId') = ${calls.id}))`;

export function handoverChartData(db: Db, input: { teamId: number; handoverId: number | null; timezone: string; today: string }): HandoverChartData {
  const scope = and(
    eq(calls.teamId, input.teamId),
    eq(calls.kind, "reactivation"),
    ne(calls.status, "cancelled"),
    input.handoverId === null ? isNull(calls.handoverId) : eq(calls.handoverId, input.handoverId),
  );
  const perManager = db
    .select({
      memberId: calls.assigneeId,
      name: members.name,
      reached: sql<number>`coalesce(sum(${calls.status} = 'reached'), 0)`,
      lost: sql<number>`coalesce(sum(${calls.status} = 'lost'), 0)`,
      callBack: sql<number>`coalesce(sum(${calls.status} = 'open' and ${CALLBACK}), 0)`,
      noAnswer: sql<number>`coalesce(sum(${calls.status} = 'open' and not ${CALLBACK} and ${calls.attempts} > 0), 0)`,
      notCalled: sql<number>`coalesce(sum(${calls.status} = 'open' and not ${CALLBACK} and ${calls.attempts} = 0), 0)`,
    })
    .from(calls)
    .innerJoin(members, eq(members.id, calls.assigneeId))
    .where(scope)
    .groupBy(calls.assigneeId)
    .all()
    .sort((a, b) => a.name.localeCompare(b.name) || a.memberId - b.memberId);

  const lostReasons: Partial<Record<LostReason, number>> = {};
  for (const r of db.select({ reason: calls.lostReason, n: sql<number>`count(*)` }).from(calls).where(and(scope, eq(calls.status, "lost"))).groupBy(calls.lostReason).all()) {
    const reason = r.reason ?? "other";
    lostReasons[reason] = (lostReasons[reason] ?? 0) + r.n;
  }

  const each = db.select({ status: calls.status, resolvedAt: calls.resolvedAt, dueOn: calls.dueOn, createdAt: calls.createdAt }).from(calls).where(scope).all();
  const day = (ms: number) => localDate(new Date(ms), input.timezone);
  const madeOn = each.filter((c) => c.status !== "open" && c.resolvedAt !== null).map((c) => day(c.resolvedAt!));

  let startedAt = each.reduce((min, c) => Math.min(min, c.createdAt), Number.POSITIVE_INFINITY);
  let due: string | null = null;
  if (input.handoverId !== null) {
    const h = db.select({ createdAt: handovers.createdAt }).from(handovers).where(eq(handovers.id, input.handoverId)).get();
    if (h) startedAt = Math.min(startedAt, h.createdAt);
    due =
      db
        .select({ dueOn: checklistSteps.dueOn })
        .from(checklistSteps)
        .where(and(eq(checklistSteps.handoverId, input.handoverId), eq(checklistSteps.kind, "reactivation")))
        .get()?.dueOn ?? null;
  }
  return {
    startedOn: Number.isFinite(startedAt) ? day(startedAt) : input.today,
    due,
    total: each.length,
    rows: perManager,
    lostReasons,
    madeOn,
    dueOn: each.map((c) => c.dueOn),
  };
}
