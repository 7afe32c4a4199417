// The programme's settings a lead changes from /stars: pause, the team's weekly cap, a member's own cap
// and mark (trainee or quality caller). Each checks the team and writes one row.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members, teams, type StarsRole } from "../db/schema.js";
import { MAX_WEEKLY_CAP } from "./plan-touches.js";

export function setPaused(db: Db, teamId: number, paused: boolean): void {
  db.update(teams).set({ starsPaused: paused }).where(eq(teams.id, teamId)).run();
}

export function stepTeamCap(db: Db, teamId: number, up: boolean): number {
  const team = db.select({ cap: teams.starsWeeklyCap }).from(teams).where(eq(teams.id, teamId)).get();
  const cap = Math.min(MAX_WEEKLY_CAP, Math.max(0, (team?.cap ?? 0) + (up ? 1 : -1)));
  db.update(teams).set({ starsWeeklyCap: cap }).where(eq(teams.id, teamId)).run();
  return cap;
}

/** A member of the team who is still there, or null (another team's id, someone who left). */
function memberOfTeam(db: Db, teamId: number, memberId: number) {
  const m = db.select().from(members).where(eq(members.id, memberId)).get();
  return m && m.teamId === teamId && m.status !== "left" ? m : null;
}

export function stepMemberCap(db: Db, teamId: number, memberId: number, up: boolean): number | null {
  const m = memberOfTeam(db, teamId, memberId);
  if (!m) return null;
  const team = db.select({ cap: teams.starsWeeklyCap }).from(teams).where(eq(teams.id, teamId)).get();
  const cap = Math.min(MAX_WEEKLY_CAP, Math.max(0, (m.starsCap ?? team?.cap ?? 0) + (up ? 1 : -1)));
  db.update(members).set({ starsCap: cap }).where(eq(members.id, memberId)).run();
  return cap;
}

export function setMemberRole(db: Db, teamId: number, memberId: number, role: StarsRole | null): boolean {
  if (!memberOfTeam(db, teamId, memberId)) return false;
  db.update(members).set({ starsRole: role }).where(eq(members.id, memberId)).run();
  return true;
}

export function memberStarsSettings(db: Db, teamId: number, memberId: number): { cap: number; role: StarsRole | null } | null {
  const m = memberOfTeam(db, teamId, memberId);
  if (!m) return null;
  const team = db.select({ cap: teams.starsWeeklyCap }).from(teams).where(eq(teams.id, teamId)).get();
  return { cap: m.starsCap ?? team?.cap ?? 0, role: m.starsRole ?? null };
}

/** Window lengths a lead cycles through (months). */
export const WINDOW_STEPS = [3, 6, 12, 18, 24];

/**
 * One step of the plan day (Monday → … → Sunday → Monday, working days only), the plan hour (within the
 * working hours) or the window; returns nothing, the caller redraws.
 */
export function stepSchedule(db: Db, teamId: number, what: "day" | "hour" | "window"): void {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return;
  if (what === "window") {
    const next = WINDOW_STEPS.find((w) => w > team.starsWindowMonths) ?? WINDOW_STEPS[0]!;
    db.update(teams).set({ starsWindowMonths: next }).where(eq(teams.id, teamId)).run();
  } else if (what === "hour") {
    const first = team.workStartHour;
    const last = Math.max(first, team.workEndHour - 1);
    const next = team.starsPlanHour >= last || team.starsPlanHour < first ? first : team.starsPlanHour + 1;
    db.update(teams).set({ starsPlanHour: next }).where(eq(teams.id, teamId)).run();
  } else {
    const working = team.workingDays.split(",").map(Number).filter((d) => d >= 1 && d <= 7).sort();
    const days = working.length > 0 ? working : [1, 2, 3, 4, 5];
    const next = days.find((d) => d > team.starsPlanDay) ?? days[0]!;
    db.update(teams).set({ starsPlanDay: next }).where(eq(teams.id, teamId)).run();
  }
}
