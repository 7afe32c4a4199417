// The star index: per manager, the share of their active clients that know nobody else of the team (no
// voice but the owner's within the window). One grouped query per team; the 8-week trend comes from the
// weekly snapshots the planning writes.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { members, starSnapshots, teams, type Temperature } from "../db/schema.js";
import { singleVoiceSql, voiceCutoff } from "./voices.js";

export const TREND_WEEKS = 8;

export interface StarLine {
  memberId: number;
  name: string;
  clients: number;
  singleVoice: number;
  hotSingleVoice: number;
}

export interface StarTotals {
  clients: number;
  singleVoice: number;
  hotSingleVoice: number;
}

/** Star index as a whole percentage (0 when the manager has no clients). */
export const starPercent = (l: { clients: number; singleVoice: number }) => (l.clients === 0 ? 0 : Math.round((100 * l.singleVoice) / l.clients));

type Team = Pick<typeof teams.$inferSelect, "id" | "starsWindowMonths">;

/** Every owner's line of one team (owners still with the team), biggest star index first. */
export function starLinesOfTeam(db: Db, team: Team, now: Date): StarLine[] {
  const cutoff = voiceCutoff(now, team.starsWindowMonths);
  const rows = db.all<{ memberId: number; name: string; clients: number; singleVoice: number; hotSingleVoice: number }>(sql`
    select m.id as memberId, m.name as name, count(*) as clients, coalesce(sum(s.single), 0) as singleVoice,
      coalesce(sum(s.single and s.temperature = 'hot'), 0) as hotSingleVoice
    from (
      select c.owner_id as ownerId, c.temperature as temperature, ${singleVoiceSql(cutoff)} as single
      from clients c where c.team_id = ${team.id} and c.owner_id is not null and c.status = 'active'
    ) s join members m on m.id = s.ownerId
    where m.status <> 'left'
    group by m.id`);
  return rows.sort((a, b) => starPercent(b) - starPercent(a) || b.hotSingleVoice - a.hotSingleVoice || a.name.localeCompare(b.name));
}

export function totalsOf(lines: StarLine[]): StarTotals {
  return lines.reduce((t, l) => ({ clients: t.clients + l.clients, singleVoice: t.singleVoice + l.singleVoice, hotSingleVoice: t.hotSingleVoice + l.hotSingleVoice }), {
    clients: 0,
    singleVoice: 0,
    hotSingleVoice: 0,
  });
}

/** One manager's line (zeros when they own nothing). */
export function starLineOf(db: Db, team: Team, memberId: number, now: Date): StarLine | null {
  const member = db.select({ id: members.id, name: members.name, teamId: members.teamId }).from(members).where(eq(members.id, memberId)).get();
  if (!member || member.teamId !== team.id) return null;
  const cutoff = voiceCutoff(now, team.starsWindowMonths);
  const row = db.get<{ clients: number; singleVoice: number; hotSingleVoice: number }>(sql`
    select count(*) as clients, coalesce(sum(s.single), 0) as singleVoice, coalesce(sum(s.single and s.temperature = 'hot'), 0) as hotSingleVoice
    from (select c.temperature as temperature, ${singleVoiceSql(cutoff)} as single
      from clients c where c.team_id = ${team.id} and c.owner_id = ${memberId} and c.status = 'active') s`);
  return { memberId, name: member.name, clients: row?.clients ?? 0, singleVoice: row?.singleVoice ?? 0, hotSingleVoice: row?.hotSingleVoice ?? 0 };
}

export interface SingleVoiceClient {
  id: number;
  name: string;
  temperature: Temperature;
}

/** A manager's single-voice clients, hot first, then warm, then cold; `limit` of them and the count. */
export function singleVoiceClientsOf(db: Pick<Db, "all">, team: Team, ownerId: number, now: Date, limit: number): SingleVoiceClient[] {
  const cutoff = voiceCutoff(now, team.starsWindowMonths);
  return db.all<SingleVoiceClient>(sql`
    select c.id as id, c.name as name, c.temperature as temperature from clients c
    where c.team_id = ${team.id} and c.owner_id = ${ownerId} and c.status = 'active' and ${singleVoiceSql(cutoff)}
    order by case c.temperature when 'hot' then 0 when 'warm' then 1 else 2 end, c.id
    limit ${limit}`);
}

/** Writes this week's snapshot of every line (the trend), replacing one written earlier the same week. */
export function snapshotWeek(db: Db, teamId: number, week: string, lines: StarLine[]): void {
  if (lines.length === 0) return;
  db.insert(starSnapshots)
    .values(lines.map((l) => ({ teamId, memberId: l.memberId, week, clients: l.clients, singleVoice: l.singleVoice })))
    .onConflictDoUpdate({ target: [starSnapshots.teamId, starSnapshots.week, starSnapshots.memberId], set: { clients: sql`excluded.clients`, singleVoice: sql`excluded.single_voice` } })
    .run();
}

/** Star index per week for the last TREND_WEEKS snapshots before `week`, oldest first, per member. */
export function trendsOf(db: DbOrTx, teamId: number, memberIds: number[], sinceWeek: string): Map<number, number[]> {
  const trends = new Map<number, number[]>();
  if (memberIds.length === 0) return trends;
  const rows = db
    .select()
    .from(starSnapshots)
    .where(and(eq(starSnapshots.teamId, teamId), gte(starSnapshots.week, sinceWeek), inArray(starSnapshots.memberId, memberIds)))
    .orderBy(asc(starSnapshots.week), desc(starSnapshots.memberId))
    .all();
  for (const r of rows) {
    const list = trends.get(r.memberId) ?? [];
    list.push(starPercent(r));
    trends.set(r.memberId, list.slice(-TREND_WEEKS));
  }
  return trends;
}

/** Monday of the week `weeksBack` weeks before the week of `week`. */
const weeksBefore = (week: string, weeksBack: number) => {
  const d = new Date(`${week}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7 * weeksBack);
  return d.toISOString().slice(0, 10);
};

/**
 * Every member still with the team (owners of nothing too: they can take touches), with their line and
 * trend; plus the team's totals.
 */
export function teamStarLines(db: Db, team: Team, now: Date, week: string): { lines: (StarLine & { trend: number[] })[]; totals: StarTotals } {
  const owners = starLinesOfTeam(db, team, now);
  const known = new Set(owners.map((l) => l.memberId));
  const others = db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.teamId, team.id), inArray(members.status, ["active", "departing"])))
    .all()
    .filter((m) => !known.has(m.id))
    .map((m) => ({ memberId: m.id, name: m.name, clients: 0, singleVoice: 0, hotSingleVoice: 0 }));
  const all = [...owners, ...others];
  const trends = trendsOf(db, team.id, all.map((l) => l.memberId), weeksBefore(week, TREND_WEEKS - 1));
  return { lines: all.map((l) => ({ ...l, trend: trends.get(l.memberId) ?? [] })), totals: totalsOf(owners) };
}

/** A leaver's line for the handover preview ("92 из 120 клиентов знают только Марию"); null without clients. */
export function leaverStarLine(db: Db, teamId: number, memberId: number, now: Date): StarLine | null {
  const team = db.select({ id: teams.id, starsWindowMonths: teams.starsWindowMonths }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return null;
  const line = starLineOf(db, team, memberId, now);
  return line && line.clients > 0 ? line : null;
}
