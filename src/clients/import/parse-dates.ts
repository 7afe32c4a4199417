// Dates as Russian sales teams type them (25.11.2026, 25/11/2026, 25.11.26, 25 ноября 2026), as CRMs
// export them (2026-11-25, 25.11.2026 14:30) and as Excel stores them (Date cells, serial numbers).
// Day-first always: a slash date like 11/25/2026 is impossible and reported, never swapped or shifted.
// Construction goes through luxon, which refuses 31.02 instead of rolling over to March.
import { DateTime } from "luxon";
import { isoDateOfUtc, pad2 } from "./clean-text.js";
import type { RawCell } from "./types.js";

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Which occurrence a date without a year means: the last one up to today, or the next one from today. */
export type Direction = "past" | "future";

/** 'YYYY-MM-DD'; null for an empty cell; false when something was written that is not a real date. */
export type DateParse = string | null | false;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\s*(?:г\.?)?(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YMD = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[\sT]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DM = /^(\d{1,2})[./](\d{1,2})$/;
const WORDY = /^(\d{1,2})\s+(\p{L}{3,})\.?(?:\s+(\d{4}))?(?:\s*(?:г|года?)\.?)?$/u;
const SERIAL = /^\d{5}(?:[.,]\d+)?$/;

// Excel serials outside 1950..2099 in a date column are far likelier to be typos than dates.
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73050;
const EXCEL_EPOCH_OFFSET = 25569; // days from 1899-12-30 (Excel's day 0, leap-bug included) to 1970-01-01
const DATE1904_OFFSET = 1462;
const MS_PER_DAY = 86_400_000;

const MONTHS = new Map<string, number>([
  ["янв", 1], ["фев", 2], ["мар", 3], ["апр", 4], ["мая", 5], ["май", 5], ["июн", 6], ["июл", 7],
  ["авг", 8], ["сен", 9], ["окт", 10], ["ноя", 11], ["дек", 12],
  ["jan", 1], ["feb", 2], ["mar", 3], ["apr", 4], ["may", 5], ["jun", 6], ["jul", 7], ["aug", 8],
  ["sep", 9], ["oct", 10], ["nov", 11], ["dec", 12],
]);

export function monthFromWord(word: string): number | null {
  return MONTHS.get(word.slice(0, 3).toLowerCase()) ?? null;
}

/** Parses the `today` option ('YYYY-MM-DD'): the team's local date, from the caller's clock. */
export function resolveToday(today: string): Day {
  const m = ISO_DAY.exec(today);
  const day: Day | null = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!day || !exactDay(day.year, day.month, day.day)) {
    throw new TypeError(`options.today must be a real date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
  return day;
}

// luxon's object construction costs several µs; a file repeats the same few hundred days.
const dayCache = new Map<number, string | null>();

/** 'YYYY-MM-DD' when the day exists, null when it does not (31.02, 00.13). */
export function exactDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const key = year * 10_000 + month * 100 + day;
  let iso = dayCache.get(key);
  if (iso === undefined) {
    const dt = DateTime.fromObject({ year, month, day }, { zone: "utc" });
    iso = dt.isValid ? `${year}-${pad2(month)}-${pad2(day)}` : null;
    dayCache.set(key, iso); // bounded: at most 301 years x 12 x 31 keys
  }
  return iso;
}

/** Day and month without a year: the nearest occurrence in the given direction (29.02 included). */
export function inferYear(month: number, day: number, direction: Direction, today: Day): string | null {
  const afterToday = month > today.month || (month === today.month && day >= today.day);
  const beforeToday = month < today.month || (month === today.month && day <= today.day);
  let year = direction === "future" ? (afterToday ? today.year : today.year + 1) : beforeToday ? today.year : today.year - 1;
  const step = direction === "future" ? 1 : -1;
  for (let i = 0; i < 8; i++, year += step) {
    const iso = exactDay(year, month, day);
    if (iso) return iso;
  }
  return null;
}

export function fourDigitYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/** A text date; undefined when the text does not look like a date at all. */
export function parseDateText(text: string, direction: Direction, today: Day): string | null | undefined {
  let m = DMY.exec(text);
  if (m) return exactDay(fourDigitYear(m[3]!), Number(m[2]), Number(m[1]));
  m = YMD.exec(text);
  if (m) return exactDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DM.exec(text);
  if (m) return inferYear(Number(m[2]), Number(m[1]), direction, today);
  m = WORDY.exec(text);
  if (m) {
    const month = monthFromWord(m[2]!);
    if (month === null) return undefined;
    return m[3] ? exactDay(Number(m[3]), month, Number(m[1])) : inferYear(month, Number(m[1]), direction, today);
  }
  return undefined;
}

export function serialToDay(serial: number, date1904: boolean): string | null {
  const days = Math.floor(serial) + (date1904 ? DATE1904_OFFSET : 0);
  if (!Number.isFinite(days) || days < MIN_SERIAL || days > MAX_SERIAL) return null;
  return isoDateOfUtc(new Date((days - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

/** Dates a CRM file can mean: not before 1990 and not more than ten years after today. Anything else is
 *  a typo (01.01.0001, 31.12.9999, 2062 for 2026) and is reported like an impossible date. */
export const EARLIEST_PLAUSIBLE = "1990-01-01";
export const PLAUSIBLE_YEARS_AHEAD = 10;

export function latestPlausible(today: Day): string {
  return `${today.year + PLAUSIBLE_YEARS_AHEAD}-${pad2(today.month)}-${pad2(today.day)}`;
}

export function isPlausible(iso: string, today: Day, latest = latestPlausible(today)): boolean {
  return iso >= EARLIEST_PLAUSIBLE && iso <= latest;
}

export type DateCellParser = (cell: RawCell, direction: Direction) => DateParse

/**
 * A parser bound to one file (its reference day and date system). Results are memoised per distinct
 * text: real exports repeat the same few hundred dates across 100k rows.
 */
export function createDateCellParser(today: Day, date1904: boolean): DateCellParser {
  const cache = new Map<string, string | null>();
  const latest = latestPlausible(today);
  const checked = (iso: string | null): DateParse => (iso !== null && isPlausible(iso, today, latest) ? iso : false);
  return (cell, direction) => {
    if (cell === null || cell === undefined) return null;
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? false : checked(isoDateOfUtc(cell));
    if (typeof cell === "number") return checked(serialToDay(cell, date1904));
    if (typeof cell === "boolean") return false;
    const text = cell.trim();
    if (text === "") return null;
    const key = direction === "past" ? `p${text}` : `f${text}`;
    let date = cache.get(key);
    if (date === undefined) {
      date = SERIAL.test(text) ? serialToDay(Number(text.replace(",", ".")), date1904) : (parseDateText(text, direction, today) ?? null);
      if (cache.size > 50_000) cache.clear();
      cache.set(key, date);
    }
    return checked(date);
  };
}
