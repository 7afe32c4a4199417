// A team's working time: its calendar from its settings, and its wall clock at an instant. The scheduler
// asks both for every team every minute; calls, nags and the star plan ask the calendar too.
import { isWorkingDay, type WorkCalendar } from "./calendar.js";

/** The settings a calendar is made of (a team row has them). */
export interface WorkSettings {
  timezone: string;
  /** ISO weekdays, comma-separated: "1,2,3,4,5". */
  workingDays: string;
  workStartHour: number;
  workEndHour: number;
}

/** The team's working calendar from its settings (one builder for calls, nags and the scheduler). */
export function teamCalendar(team: WorkSettings): WorkCalendar {
  const days = team.workingDays
    .split(",")
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  return {
    timezone: team.timezone,
    workingDays: days.length > 0 ? days : [1, 2, 3, 4, 5],
    workStartHour: team.workStartHour,
    workEndHour: team.workEndHour,
  };
}

/** A team's wall clock at an instant. */
export interface WallClock {
  date: string;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The team-local date and time of `now`. Same answers as calendar.ts's localDate/localHour, but with one
 * cached formatter per zone: the scheduler asks this for every team every minute, and luxon's zone check
 * alone costs about 0.3 ms a call. An unknown zone throws a RangeError.
 */
export function wallClock(now: Date, timezone: string): WallClock {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timezone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(now)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/** A working day, between the start (inclusive) and the end (exclusive) of the working day: when nags may go. */
export function isWorkingTime(clock: WallClock, cal: WorkCalendar): boolean {
  const hour = clock.hour + clock.minute / 60;
  return isWorkingDay(clock.date, cal) && hour >= cal.workStartHour && hour < cal.workEndHour;
}
