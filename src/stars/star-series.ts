// The star index week by week, from the weekly snapshots the planning writes: aligned series for a chart.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { starSnapshots } from "../db/schema.js";
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
  const lastWeeks = db.selectDistinct({ week: starSnapshots.week }).from(starSnapshots).where(eq(starSnapshots.teamId, teamId)).orderBy(desc(starSnapshots.week)).limit(TREND_WEEKS);
  const rows = db
    .select({ memberId: starSnapshots.memberId, week: starSnapshots.week, clients: starSnapshots.clients, single: starSnapshots.singleVoice })
    .from(starSnapshots)
    .where(and(eq(starSnapshots.teamId, teamId), inArray(starSnapshots.week, lastWeeks)))
    .all();
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
