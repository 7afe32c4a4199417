/**
 * Team-local calendar arithmetic.
 *
 * Dates are plain 'YYYY-MM-DD' strings (a day on the team's wall calendar, no zone attached);
 * instants are JS `Date`s. Only the functions taking an instant or returning one need a time zone.
 * Date-only arithmetic is done in UTC so daylight-saving changes can never shift a day.
 * Malformed dates, unknown zones or a calendar with no working days are programmer errors → RangeError.
 */
import { DateTime, IANAZone } from "luxon";

export interface WorkCalendar {
  timezone: string /* IANA */;
  workingDays: number[] /* ISO weekdays 1=Mon..7=Sun, default [1,2,3,4,5] */;
  workStartHour: number /* default 9 */;
  workEndHour: number /* default 19 */;
}

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_WORK_START_HOUR = 9;
export const DEFAULT_WORK_END_HOUR = 19;

/** A calendar with the defaults above, optionally overridden. */
export function makeWorkCalendar(
  timezone: string,
  overrides: Partial<Omit<WorkCalendar, "timezone">> = {},
): WorkCalendar {
  return {
    timezone,
    workingDays: overrides.workingDays ?? [...DEFAULT_WORKING_DAYS],
    workStartHour: overrides.workStartHour ?? DEFAULT_WORK_START_HOUR,
    workEndHour: overrides.workEndHour ?? DEFAULT_WORK_END_HOUR,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Zones already found valid: luxon's check builds an Intl formatter each time, and every date computation asks. */
const validZones = new Set<string>();

export function isValidTimezone(tz: string): boolean {
  if (validZones.has(tz)) return true;
  const valid = typeof tz === "string" && tz.trim() !== "" && IANAZone.isValidZone(tz);
  if (valid) validZones.add(tz);
  return valid;
}

/** 'YYYY-MM-DD' of the instant `now` on the wall calendar of `tz`. */
export function localDate(now: Date, tz: string): string {
  return isoDay(inZone(now, tz));
}

/** Hour 0..23 of the instant `now` on the wall clock of `tz`. */
export function localHour(now: Date, tz: string): number {
  return inZone(now, tz).hour;
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return workingSet(cal).has(parseDay(date).weekday);
}

/**
 * The n-th working day after `date` (n >= 1), i.e. the earliest day t with workingDaysBetween(date, t) = n.
 * n = 0 → `date` itself if it is a working day, else the next working day.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  const working = workingSet(cal);
  let day = parseDay(date);
  if (n === 0) {
    while (!working.has(day.weekday)) day = day.plus({ days: 1 });
    return isoDay(day);
  }
  // Jump whole weeks first so large n stays O(1)-ish; then walk the remainder (< one week of working days).
  const wholeWeeks = Math.floor((n - 1) / working.size);
  day = day.plus({ weeks: wholeWeeks });
  let remaining = n - wholeWeeks * working.size;
  while (remaining > 0) {
    day = day.plus({ days: 1 });
    if (working.has(day.weekday)) remaining--;
  }
  return isoDay(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkCalendar): string {
  return addWorkingDays(date, 1, cal);
}

/** Number of working days in (from, to]; negative (−count in (to, from]) when to < from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (b < a) return 0 - workingDaysBetween(to, from, cal); // `0 -` so an empty span is 0, never -0
  const working = workingSet(cal);
  const days = Math.round(b.diff(a, "days").days);
  const wholeWeeks = Math.floor(days / 7);
  let count = wholeWeeks * working.size;
  let day = a.plus({ weeks: wholeWeeks });
  for (let i = wholeWeeks * 7; i < days; i++) {
    day = day.plus({ days: 1 });
    if (working.has(day.weekday)) count++;
  }
  return count;
}

/** Calendar-day arithmetic (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return isoDay(parseDay(date).plus({ days: n }));
}

/** True on a working day between workStartHour (inclusive) and workEndHour (exclusive), team-local. */
export function isWithinWorkingHours(now: Date, cal: WorkCalendar): boolean {
  const local = inZone(now, cal.timezone);
  if (!workingSet(cal).has(local.weekday)) return false;
  const hour = local.hour + local.minute / 60;
  return hour >= cal.workStartHour && hour < cal.workEndHour;
}

/**
 * The instant at which the wall clock in `tz` shows `date hour:minute`.
 * DST: a time inside the spring-forward gap moves forward by the gap (02:30 → 03:30);
 * an ambiguous autumn time resolves to the first (earlier) occurrence. Both are luxon's rules.
 */
export function atLocalTime(date: string, hour: number, minute: number, tz: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`atLocalTime: bad hour ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`atLocalTime: bad minute ${minute}`);
  assertZone(tz);
  const day = parseDay(date);
  const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: tz });
  if (!local.isValid) throw new RangeError(`atLocalTime: invalid local time ${date} ${hour}:${minute} in ${tz}`);
  return local.toJSDate();
}

// ---------------------------------------------------------------------------------------------

/** Strict 'YYYY-MM-DD' → DateTime at UTC midnight (UTC so that day arithmetic never meets DST). */
export function parseDay(date: string): DateTime<true> {
  if (typeof date !== "string" || !ISO_DATE.test(date)) throw new RangeError(`Expected 'YYYY-MM-DD', got ${String(date)}`);
  const dt = DateTime.fromISO(date, { zone: "utc" });
  // fromISO refuses 2026-02-31 rather than rolling it into March, which is what we want.
  if (!dt.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return dt;
}

/** True for a well-formed, existing 'YYYY-MM-DD' day. */
export function isIsoDate(date: string): boolean {
  return typeof date === "string" && ISO_DATE.test(date) && DateTime.fromISO(date, { zone: "utc" }).isValid;
}

/** The calendar's own day value, 'YYYY-MM-DD' (what people read is platform/format/day.ts). */
function isoDay(dt: DateTime<true>): string {
  // toISODate on a valid DateTime is never null; pad years < 1000 / > 9999 would not be ISO_DATE anyway.
  return dt.toISODate();
}

function inZone(now: Date, tz: string): DateTime<true> {
  assertZone(tz);
  const dt = DateTime.fromJSDate(now, { zone: tz });
  if (!dt.isValid) throw new RangeError(`Invalid instant: ${String(now)}`);
  return dt;
}

function assertZone(tz: string): void {
  if (!isValidTimezone(tz)) throw new RangeError(`Unknown IANA time zone: ${tz}`);
}

function workingSet(cal: WorkCalendar): Set<number> {
  const set = new Set(cal.workingDays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  // Without at least one working day every "next working day" search would loop forever.
  if (set.size === 0) throw new RangeError("WorkCalendar has no working days");
  return set;
}
