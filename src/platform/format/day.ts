// A calendar day as people read it: the one way every text writes a 'YYYY-MM-DD'.
//   plain:        «25.11» / "25 Nov"; «25.11.2027» / "25 Nov 2027" when it is not this year's
//   with weekday: «ср 25.11» / "Wed 25 Nov" — where the weekday matters:
//                 · a day being chosen: the buttons that offer days, and the reply that reads back a day
//                   the person just typed or picked («в пятницу» → «пт 27.11»), so a wrong guess shows;
//                 · the days of a handover's plan (the leaver's last day, a checklist step's deadline),
//                   which is counted in working days.
//                 Everywhere else (cards, lists, history, digests, nags about clients) the plain form.
// Without `today` the year is always written (a file that outlives the year, a day of unknown context).
// Cut from the string, no DateTime per call: this runs on every tap that draws a card, a list or a checklist.
import type { Locale } from "../locale.js";

interface DayParts {
  text: string;
  year: number;
  month: number;
  day: number;
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const isDigit = (d: number) => d >= 0 && d <= 9;

/** 'YYYY-MM-DD' of a real day → its parts; null for anything else. Read by character: this is a hot path. */
function partsOf(text: string): DayParts | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y1 = digit(text, 0), y2 = digit(text, 1), y3 = digit(text, 2), y4 = digit(text, 3);
  const m1 = digit(text, 5), m2 = digit(text, 6), d1 = digit(text, 8), d2 = digit(text, 9);
  if (!(isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(y4) && isDigit(m1) && isDigit(m2) && isDigit(d1) && isDigit(d2))) return null;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { text, year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** 0 = Sunday … 6 = Saturday (Sakamoto's method; the proleptic Gregorian calendar, as ISO days are). */
function weekdayIndex({ year, month, day }: DayParts): number {
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + MONTH_OFFSETS[month - 1]! + day) % 7;
}

/** Short month and weekday names from Intl, made once per locale. */
const monthNames = new Map<Locale, string[]>();
const weekdayNames = new Map<Locale, string[]>();

function namesOf(cache: Map<Locale, string[]>, locale: Locale, count: number, option: Intl.DateTimeFormatOptions, instant: (i: number) => number): string[] {
  let names = cache.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { ...option, timeZone: "UTC" });
    names = Array.from({ length: count }, (_, i) => format.format(instant(i)));
    cache.set(locale, names);
  }
  return names;
}

// 2023-01-01 was a Sunday: day i of that week has weekday index i.
const weekdays = (locale: Locale) => namesOf(weekdayNames, locale, 7, { weekday: "short" }, (i) => Date.UTC(2023, 0, 1 + i));
const months = (locale: Locale) => namesOf(monthNames, locale, 12, { month: "short" }, (i) => Date.UTC(2023, i, 15));

function dayText(p: DayParts, locale: Locale, today: string | undefined): string {
  // The year is written when it is not today's (or today is not known).
  const withYear = today === undefined || today.charCodeAt(0) !== p.text.charCodeAt(0) || today.charCodeAt(1) !== p.text.charCodeAt(1) || today.charCodeAt(2) !== p.text.charCodeAt(2) || today.charCodeAt(3) !== p.text.charCodeAt(3);
  if (locale === "ru") {
    const text = `${p.text.slice(8, 10)}.${p.text.slice(5, 7)}`;
    return withYear ? `${text}.${p.text.slice(0, 4)}` : text;
  }
  const text = `${p.day} ${months(locale)[p.month - 1]}`;
  return withYear ? `${text} ${p.text.slice(0, 4)}` : text;
}

/** 'YYYY-MM-DD' → «25.11» / "25 Nov"; with the year when it is not `today`'s year (or no `today` is given). Anything else is returned as it is. */
export function formatDay(day: string, locale: Locale, today?: string): string {
  const p = partsOf(day);
  return p ? dayText(p, locale, today) : day;
}

/** 'YYYY-MM-DD' → «ср 25.11» / "Wed 25 Nov": a day being chosen or read back, or a day of a handover's plan. */
export function formatDayWithWeekday(day: string, locale: Locale, today?: string): string {
  const p = partsOf(day);
  return p ? `${weekdays(locale)[weekdayIndex(p)]} ${dayText(p, locale, today)}` : day;
}
