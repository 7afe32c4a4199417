// The star index week by week, from the weekly snapshots the planning writes: aligned series for a chart.
import type { Db } from "../db/client.js";
import { TREND_WEEKS } from "./star-index.js";

export interface StarSeries {
  /** Mondays with a snapshot, oldest first (at most TREND_WEEKS). */
  weeks: string[];
  /** Per member: whole percent per week, null where the member had no snapshot. */
  members: Map<number, (number | null)[]>;
  /** The team's share of single-voice clients per week. */
  team: (number | null)[];
}

export function starSeries(db: Db, teamId: number): StarSeries {
  const rows = db.$client
    .prepare(
      `SELECT member_id AS memberId, week, clients, single_voice AS single FROM star_snapshots
        WHERE team_id = ? AND week IN (SELECT DISTINCT week FROM star_snapshots WHERE team_id = ? ORDER BY week DESC LIMIT ?)`,
    )
    .all(teamId, teamId, TREND_WEEKS) as { memberId: number; week: string; clients: number; single: number }[];
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const at = new Map(weeks.map((w, i) => [w, i]));
  const members = new Map<number, (number | null)[]>();
  const sums = weeks.map(() => ({ clients: 0, single: 0 }));
  for (const r of rows) {
    const i = at.get(r.week)!;
    const series = members.get(r.memberId) ?? weeks.map(() => null);
    series[i] = r.clients === 0 ? 0 : Math.round((100 * r.single) / r.clients);
    members.set(r.memberId, series);
    sums[i]!.clients += r.clients;
    sums[i]!.single += r.single;
  }
  return { weeks, members, team: sums.map((s) => (s.clients === 0 ? null : Math.round((100 * s.single) / s.clients))) };
}
