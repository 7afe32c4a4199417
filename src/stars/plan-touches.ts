// The week's second-voice touches: single-voice clients, hot first, then warm, then cold, each given to a
// member who is not the owner, fairly (lowest share of their weekly cap first), within every member's
// cap (0 = opted out; trainees and quality callers get twice as many). Never to a departing member,
// never for a client with an open reactivation (or an already planned touch). One transaction per team.
import { and, eq, exists, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { DateTime } from "luxon";
import type { Db } from "../db/client.js";
import { calls, clients, members, type teams, type TouchKind } from "../db/schema.js";
import { addWorkingDays, localDate, parseDay } from "../platform/calendar.js";
import { teamCalendar } from "../platform/work-time.js";
import { insertTouch } from "./queries.js";
import { snapshotWeek, starLinesOfTeam } from "./star-index.js";
import { singleVoiceSql, voiceCutoff } from "./voices.js";

type Team = typeof teams.$inferSelect;
type Member = typeof members.$inferSelect;

/** Trainees and quality callers take this many times the cap. */
export const ROLE_CAP_FACTOR = 2;
export const MAX_WEEKLY_CAP = 50;
/** Touches of one member are spread over this many working days from the plan day. */
const SPREAD_DAYS = 5;

/** Monday of the week of a team-local date. */
export function weekOf(date: string): string {
  return parseDay(date).startOf("week").toISODate()!;
}

export interface Caller {
  memberId: number;
  cap: number;
  kind: TouchKind;
  load: number;
}

/** Who may take touches this week and how many: active members who can be written to, cap > 0. */
export function callersOf(team: Pick<Team, "starsWeeklyCap">, people: Member[]): Caller[] {
  const out: Caller[] = [];
  for (const m of people) {
    if (m.status !== "active" || m.telegramId === null || m.reachability === "blocked") continue;
    const base = m.starsCap ?? team.starsWeeklyCap;
    if (base <= 0) continue;
    const cap = Math.min(MAX_WEEKLY_CAP * ROLE_CAP_FACTOR, m.starsRole ? base * ROLE_CAP_FACTOR : base);
    out.push({ memberId: m.id, cap, load: 0, kind: m.role === "lead" ? "lead" : m.starsRole === "quality" ? "quality" : "colleague" });
  }
  return out;
}

/** The fairest caller for a client of `ownerId`: lowest share of cap used, then fewest, then lowest id. */
export function pickCaller(callers: Caller[], ownerId: number): Caller | null {
  let best: Caller | null = null;
  for (const c of callers) {
    if (c.memberId === ownerId || c.load >= c.cap) continue;
    if (!best) {
      best = c;
      continue;
    }
    const d = c.load * best.cap - best.load * c.cap; // c.load/c.cap vs best.load/best.cap without division
    if (d < 0 || (d === 0 && (c.load < best.load || (c.load === best.load && c.memberId < best.memberId)))) best = c;
  }
  return best;
}

export type PlanResult =
  | { status: "planned"; week: string; planned: number; perMember: Map<number, number>; candidates: number }
  | { status: "paused" | "already_planned"; week: string }
  | { status: "no_callers"; week: string; reason: "all_opted_out" | "alone" }
  | { status: "nothing_to_plan"; week: string };

export function planWeekTouches(db: Db, team: Team, now: Date): PlanResult {
  const today = localDate(now, team.timezone);
  const week = weekOf(today);
  if (team.starsPaused) return { status: "paused", week };
  return db.transaction((tx): PlanResult => {
    const already = tx
      .select({ n: sql<number>`count(*)` })
      .from(calls)
      .where(and(eq(calls.teamId, team.id), eq(calls.kind, "second_voice"), eq(calls.planWeek, week)))
      .get();
    if ((already?.n ?? 0) > 0) return { status: "already_planned", week };

    const lines = starLinesOfTeam(tx as unknown as Db, team, now);
    snapshotWeek(db, team.id, week, lines);

    const people = tx.select().from(members).where(eq(members.teamId, team.id)).all();
    const callers = callersOf(team, people);
    if (callers.length === 0) {
      const active = people.filter((m) => m.status === "active" && m.telegramId !== null);
      return { status: "no_callers", week, reason: active.length <= 1 ? "alone" : "all_opted_out" };
    }
    const capacity = callers.reduce((s, c) => s + c.cap, 0);
    const cutoff = voiceCutoff(now, team.starsWindowMonths);
    // Single-voice clients of owners still working, no open reactivation or touch: hot, warm, cold, oldest first.
    const candidates = tx.all<{ id: number; ownerId: number }>(sql`
      select c.id as id, c.owner_id as ownerId from clients c
      join members o on o.id = c.owner_id and o.status = 'active'
      where c.team_id = ${team.id} and c.status = 'active' and ${singleVoiceSql(cutoff)}
        and not exists (select 1 from calls k where k.client_id = c.id and k.status = 'open' and k.kind in ('reactivation', 'second_voice'))
      order by case c.temperature when 'hot' then 0 when 'warm' then 1 else 2 end, c.id
      limit ${capacity * 4}`);
    if (candidates.length === 0) return { status: "nothing_to_plan", week };

    const cal = teamCalendar(team);
    const first = addWorkingDays(today, 0, cal);
    const days = Array.from({ length: SPREAD_DAYS }, (_, i) => addWorkingDays(first, i, cal));
    const at = now.getTime();
    const insert = insertTouch(db);
    let planned = 0;
    for (const c of candidates) {
      if (planned === capacity) break;
      const caller = pickCaller(callers, c.ownerId);
      if (!caller) continue;
      insert.run(team.id, c.id, caller.memberId, caller.kind, week, days[caller.load % days.length]!, at);
      caller.load += 1;
      planned += 1;
    }
    if (planned === 0) return { status: "no_callers", week, reason: "alone" };
    const perMember = new Map(callers.filter((c) => c.load > 0).map((c) => [c.memberId, c.load]));
    return { status: "planned", week, planned, perMember, candidates: candidates.length };
  });
}

export interface Released {
  moved: number;
  dropped: number;
  members: number[];
}

/**
 * Open touches of members who are leaving or left move to another caller with room this week, or are
 * dropped (cancelled) when nobody has room. Runs daily; the lead is told what moved.
 */
export function releaseTouchesOfLeavers(db: Db, team: Team, now: Date): Released {
  return db.transaction((tx): Released => {
    const people = tx.select().from(members).where(eq(members.teamId, team.id)).all();
    const gone = people.filter((m) => m.status !== "active").map((m) => m.id);
    if (gone.length === 0) return { moved: 0, dropped: 0, members: [] };
    const open = tx
      .select({ id: calls.id, clientId: calls.clientId, assigneeId: calls.assigneeId, planWeek: calls.planWeek, ownerId: sql<number | null>`(select owner_id from clients where clients.id = ${calls.clientId})` })
      .from(calls)
      .where(and(eq(calls.teamId, team.id), eq(calls.kind, "second_voice"), eq(calls.status, "open"), inArray(calls.assigneeId, gone)))
      .all();
    if (open.length === 0) return { moved: 0, dropped: 0, members: [] };
    const week = weekOf(localDate(now, team.timezone));
    const callers = callersOf(team, people);
    const loads = tx
      .select({ assigneeId: calls.assigneeId, n: sql<number>`count(*)` })
      .from(calls)
      .where(and(eq(calls.teamId, team.id), eq(calls.kind, "second_voice"), eq(calls.planWeek, week)))
      .groupBy(calls.assigneeId)
      .all();
    for (const l of loads) {
      const c = callers.find((x) => x.memberId === l.assigneeId);
      if (c) c.load = l.n;
    }
    let moved = 0;
    let dropped = 0;
    for (const call of open) {
      const caller = call.ownerId === null ? null : pickCaller(callers, call.ownerId);
      if (caller) {
        tx.update(calls).set({ assigneeId: caller.memberId, touchKind: caller.kind }).where(eq(calls.id, call.id)).run();
        caller.load += 1;
        moved += 1;
      } else {
        tx.update(calls).set({ status: "cancelled", resolvedAt: now.getTime() }).where(eq(calls.id, call.id)).run();
        dropped += 1;
      }
    }
    return { moved, dropped, members: [...new Set(open.map((c) => c.assigneeId))] };
  });
}

/**
 * Open touches that no longer make sense are cancelled: the client has an open reactivation call now (a
 * handover reached it: that call speaks for the company), moved to the caller, or is lost or unassigned.
 * Returns how many.
 */
export function voidStaleTouches(db: Db, teamId: number, now: Date): number {
  const reactivation = alias(calls, "reactivation");
  const stale = db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        eq(clients.teamId, teamId),
        or(
          isNull(clients.ownerId),
          ne(clients.status, "active"),
          eq(clients.ownerId, calls.assigneeId),
          exists(db.select({ one: sql`1` }).from(reactivation).where(and(eq(reactivation.clientId, clients.id), eq(reactivation.status, "open"), eq(reactivation.kind, "reactivation")))),
        ),
      ),
    );
  return db
    .update(calls)
    .set({ status: "cancelled", resolvedAt: now.getTime() })
    .where(and(eq(calls.teamId, teamId), eq(calls.kind, "second_voice"), eq(calls.status, "open"), inArray(calls.clientId, stale)))
    .run().changes;
}

/** Planned / done / reached second-voice touches per week, newest first. */
export function weeklyStats(db: Db, teamId: number, weeks: number): { week: string; planned: number; done: number; reached: number }[] {
  return db.all<{ week: string; planned: number; done: number; reached: number }>(sql`
    select plan_week as week, count(*) as planned, sum(status in ('reached', 'lost')) as done, sum(status = 'reached') as reached
    from calls where team_id = ${teamId} and kind = 'second_voice' and plan_week is not null
    group by plan_week order by plan_week desc limit ${weeks}`);
}

/** ISO weekday of a team-local date (1 = Monday). */
export const weekdayOf = (date: string) => DateTime.fromISO(date, { zone: "utc" }).weekday;
