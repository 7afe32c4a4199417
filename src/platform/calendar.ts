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
  const wall = wallClock(now, tz);
  return wall ? wall.date : isoDayOfDateTime(inZone(now, tz));
}

/** Hour 0..23 of the instant `now` on the wall clock of `tz`. */
export function localHour(now: Date, tz: string): number {
  const wall = wallClock(now, tz);
  return wall ? wall.hour : inZone(now, tz).hour;
}

/**
 * One `Intl` formatter per zone (made when the zone is first met, after it is validated): a luxon
 * DateTime in a zone costs a formatter call plus its own bookkeeping, and every tap asks for "today".
 */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
const WALL = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2})$/;

/**
 * The wall clock of a recent minute, per zone: a tap asks for "today" three or four times. Exact: since
 * 1972-01-07 (Monrovia's last odd offset) every zone's UTC offset is whole minutes and changes on a whole
 * minute (checked over all 418 zones, 1972-2040), so every instant of one UTC minute has the same wall day
 * and hour. Earlier instants are not remembered.
 */
const wallMinutes = new Map<string, Map<number, { date: string; hour: number } | null>>();
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1972, 0, 8);
const MINUTES_KEPT = 256;

/** The day and hour on the wall clock of `tz`; null for years outside 1000..9999 (luxon handles those). */
function wallClock(now: Date, tz: string): { date: string; hour: number } | null {
  const ms = now.getTime();
  if (Number.isNaN(ms)) {
    assertZone(tz);
    throw new RangeError(`Invalid instant: ${String(now)}`);
  }
  const minute = Math.floor(ms / 60_000);
  const remembered = ms >= WHOLE_MINUTE_OFFSETS_SINCE ? wallMinutes.get(tz) : undefined;
  const known = remembered?.get(minute);
  if (known !== undefined) return known;
  let format = wallFormats.get(tz);
  if (!format) {
    assertZone(tz);
    format = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
    wallFormats.set(tz, format);
    wallMinutes.set(tz, new Map());
  }
  const m = WALL.exec(format.format(now));
  const wall = m ? { date: `${m[3]}-${m[1]}-${m[2]}`, hour: Number(m[4]) } : null;
  if (ms >= WHOLE_MINUTE_OFFSETS_SINCE) {
    const minutes = wallMinutes.get(tz)!;
    if (minutes.size >= MINUTES_KEPT) minutes.clear();
    minutes.set(minute, wall);
  }
  return wall;
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return workingSet(cal).has(weekdayOf(dayIndex(date)));
}

/**
 * The n-th working day after `date` (n >= 1), i.e. the earliest day t with workingDaysBetween(date, t) = n.
 * n = 0 → `date` itself if it is a working day, else the next working day.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  const working = workingSet(cal);
  let day = dayIndex(date);
  if (n === 0) {
    while (!working.has(weekdayOf(day))) day += 1;
    return isoDay(day);
  }
  // Jump whole weeks first so large n stays O(1)-ish; then walk the remainder (< one week of working days).
  const wholeWeeks = Math.floor((n - 1) / working.size);
  day += wholeWeeks * 7;
  let remaining = n - wholeWeeks * working.size;
  while (remaining > 0) {
    day += 1;
    if (working.has(weekdayOf(day))) remaining--;
  }
  return isoDay(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkCalendar): string {
  return addWorkingDays(date, 1, cal);
}

/** Number of working days in (from, to]; negative (−count in (to, from]) when to < from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = dayIndex(from);
  const b = dayIndex(to);
  if (b < a) return 0 - workingDaysBetween(to, from, cal); // `0 -` so an empty span is 0, never -0
  const working = workingSet(cal);
  const days = b - a;
  const wholeWeeks = Math.floor(days / 7);
  let count = wholeWeeks * working.size;
  let day = a + wholeWeeks * 7;
  for (let i = wholeWeeks * 7; i < days; i++) {
    day += 1;
    if (working.has(weekdayOf(day))) count++;
  }
  return count;
}

/** Calendar-day arithmetic (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return isoDay(dayIndex(date) + n);
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
  return typeof date === "string" && ISO_DATE.test(date) && isCalendarDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

// Plain days as whole days since 1970-01-01 (proleptic Gregorian, as luxon counts them in UTC): day
// arithmetic is integer arithmetic, with no DateTime built for every step of a working-day walk.

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!);
}

/** Strict 'YYYY-MM-DD' → its day number; RangeError like parseDay. */
function dayIndex(date: string): number {
  if (typeof date !== "string" || !ISO_DATE.test(date)) throw new RangeError(`Expected 'YYYY-MM-DD', got ${String(date)}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!isCalendarDay(y, m, d)) throw new RangeError(`Not a calendar date: ${date}`);
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number → 'YYYY-MM-DD' (years beyond 0000–9999 written as luxon writes them). */
function isoDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return DateTime.fromMillis(day * 86_400_000, { zone: "utc" }).toISODate()!;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday); day 0 was a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function isoDayOfDateTime(dt: DateTime<true>): string {
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
