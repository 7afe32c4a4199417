// A team's settings (caps, campaign, calendar, digest hour) and its managers' part in distributions
// (weight, exclusion). Typed values are parsed and validated here, so a button and a typed answer obey the
// same limits.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members, teams } from "../db/schema.js";

export type TeamField = "managerCap" | "maxCallsPerDay" | "campaignDays" | "digestHour" | "workingHours" | "deadlineWindowHours";
export type TypedField = TeamField | "weight";

export interface TeamSettings {
  managerCap: number | null;
  maxCallsPerDay: number;
  campaignDays: number;
  digestHour: number;
  workingDays: number[];
  workStartHour: number;
  workEndHour: number;
  deadlineWindowHours: number;
  /** The leads' Monday picture of the open handovers. */
  weeklyPicture: boolean;
}

export interface ManagerSetting {
  memberId: number;
  name: string;
  weight: number;
  excluded: boolean;
  status: string;
}

/** Inclusive limits of every number a lead can type. */
export const LIMITS = {
  managerCap: { min: 1, max: 100_000 },
  maxCallsPerDay: { min: 1, max: 200 },
  campaignDays: { min: 1, max: 30 },
  digestHour: { min: 0, max: 23 },
  workingHours: { min: 0, max: 24 },
  deadlineWindowHours: { min: 1, max: 168 },
  weight: { min: 0.1, max: 3 },
} as const;

export const WEIGHT_PRESETS = [1, 0.75, 0.5, 0.25] as const;

export function getTeamSettings(db: Db, teamId: number): TeamSettings | null {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return null;
  return {
    managerCap: team.managerCap,
    maxCallsPerDay: team.maxCallsPerDay,
    campaignDays: team.campaignDays,
    digestHour: team.digestHour,
    workingDays: parseWorkingDays(team.workingDays),
    workStartHour: team.workStartHour,
    workEndHour: team.workEndHour,
    deadlineWindowHours: team.deadlineWindowHours,
    weeklyPicture: team.weeklyPicture,
  };
}

/** The days of the week, Monday (1) to Sunday (7), as working days are stored. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function parseWorkingDays(text: string): number[] {
  return [...new Set(text.split(",").map((d) => Number(d.trim())))].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort((a, b) => a - b);
}

export type ParsedValue =
  | { ok: true; value: number | null | { start: number; end: number } }
  | { ok: false; error: "not_a_number" | "out_of_range" | "bad_hours" };

const NO_CAP = new Set(["нет", "без лимита", "no", "none", "off", "-", "—", "0"]);

/** Reads what a lead typed for a setting. */
export function parseSettingValue(field: TypedField, input: string): ParsedValue {
  const text = input.trim().toLowerCase();
  switch (field) {
    case "managerCap":
      if (NO_CAP.has(text)) return { ok: true, value: null };
      return integerIn(text, LIMITS.managerCap);
    case "maxCallsPerDay":
    case "campaignDays":
    case "deadlineWindowHours":
      return integerIn(text.replace(/\s*(ч|h|час\S*|hours?|дн\S*|days?)$/u, ""), LIMITS[field]);
    case "digestHour": {
      const m = /^(\d{1,2})(?:[:.]00)?$/.exec(text);
      if (!m) return { ok: false, error: "not_a_number" };
      return integerIn(m[1]!, LIMITS.digestHour);
    }
    case "workingHours": {
      const m = /^(?:с\s*|from\s*)?(\d{1,2})(?:[:.]00)?\s*(?:-|–|—|до|to)\s*(\d{1,2})(?:[:.]00)?$/u.exec(text);
      if (!m) return { ok: false, error: "bad_hours" };
      const start = Number(m[1]);
      const end = Number(m[2]);
      if (start < 0 || end > 24 || start >= end) return { ok: false, error: "bad_hours" };
      return { ok: true, value: { start, end } };
    }
    case "weight": {
      if (!/^\d+(?:[.,]\d+)?$/.test(text)) return { ok: false, error: "not_a_number" };
      const value = Math.round(Number(text.replace(",", ".")) * 100) / 100;
      if (value < LIMITS.weight.min || value > LIMITS.weight.max) return { ok: false, error: "out_of_range" };
      return { ok: true, value };
    }
  }
}

function integerIn(text: string, limits: { min: number; max: number }): ParsedValue {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (!/^\d{1,7}$/.test(compact)) return { ok: false, error: "not_a_number" };
  const value = Number(compact);
  if (value < limits.min || value > limits.max) return { ok: false, error: "out_of_range" };
  return { ok: true, value };
}

/** Saves a parsed team setting. */
export function updateTeamSetting(db: Db, teamId: number, field: TeamField, value: number | null | { start: number; end: number }): void {
  const set =
    field === "workingHours"
      ? (() => {
          const v = value as { start: number; end: number };
          return { workStartHour: v.start, workEndHour: v.end };
        })()
      : field === "managerCap"
        ? { managerCap: value as number | null }
        : { [field]: value as number };
  db.update(teams).set(set).where(eq(teams.id, teamId)).run();
}

/** Turns a weekday on or off; the last working day cannot be turned off. */
export function toggleWorkingDay(db: Db, teamId: number, day: number): { ok: true; days: number[] } | { ok: false; reason: "last_day" | "bad_day" } {
  if (!Number.isInteger(day) || day < 1 || day > 7) return { ok: false, reason: "bad_day" };
  return db.transaction((tx) => {
    const team = tx.select({ workingDays: teams.workingDays }).from(teams).where(eq(teams.id, teamId)).get();
    const days = parseWorkingDays(team?.workingDays ?? "1,2,3,4,5");
    const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
    if (next.length === 0) return { ok: false as const, reason: "last_day" as const };
    tx.update(teams).set({ workingDays: next.join(",") }).where(eq(teams.id, teamId)).run();
    return { ok: true as const, days: next };
  });
}

/** Turns the leads' weekly picture on or off; returns the new value (null: no such team). */
export function toggleWeeklyPicture(db: Db, teamId: number): boolean | null {
  const team = db.select({ on: teams.weeklyPicture }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return null;
  db.update(teams).set({ weeklyPicture: !team.on }).where(eq(teams.id, teamId)).run();
  return !team.on;
}

/** The team's managers as the distribution sees them (who has left is not listed). */
export function managerSettings(db: Db, teamId: number): ManagerSetting[] {
  return db
    .select({ memberId: members.id, name: members.name, weight: members.weight, excluded: members.excluded, status: members.status })
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.role, "manager"), ne(members.status, "left")))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, "ru") || a.memberId - b.memberId);
}

/** What the settings home shows: the team's values and its managers; null when the team is gone. */
export interface SettingsHome {
  settings: TeamSettings;
  managers: ManagerSetting[];
}

export function settingsHome(db: Db, teamId: number): SettingsHome | null {
  const settings = getTeamSettings(db, teamId);
  return settings ? { settings, managers: managerSettings(db, teamId) } : null;
}

export function managerSetting(db: Db, teamId: number, memberId: number): ManagerSetting | null {
  return managerSettings(db, teamId).find((m) => m.memberId === memberId) ?? null;
}

export function setMemberWeight(db: Db, teamId: number, memberId: number, weight: number): boolean {
  if (!Number.isFinite(weight) || weight < LIMITS.weight.min || weight > LIMITS.weight.max) return false;
  if (!managerSetting(db, teamId, memberId)) return false;
  db.update(members).set({ weight }).where(and(eq(members.id, memberId), eq(members.teamId, teamId))).run();
  return true;
}

/** Excludes a manager from every future distribution, or includes them again. Returns the new state. */
export function toggleMemberExcluded(db: Db, teamId: number, memberId: number): boolean | null {
  const current = managerSetting(db, teamId, memberId);
  if (!current) return null;
  db.update(members).set({ excluded: !current.excluded }).where(and(eq(members.id, memberId), eq(members.teamId, teamId))).run();
  return !current.excluded;
}
