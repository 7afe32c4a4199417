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
import type { Locale } from "../../bot/i18n.js";

const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DayParts {
  year: string;
  month: number;
  day: number;
}

function partsOf(text: string): DayParts | null {
  const m = PLAIN_DAY.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year: m[1]!, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (Sakamoto's method; the proleptic Gregorian calendar, as ISO days are). */
function weekdayIndex(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
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

// 2023-01-01 was a Sunday: day i of that week is weekday index i.
const weekdays = (locale: Locale) => namesOf(weekdayNames, locale, 7, { weekday: "short" }, (i) => Date.UTC(2023, 0, 1 + i));
const months = (locale: Locale) => namesOf(monthNames, locale, 12, { month: "short" }, (i) => Date.UTC(2023, i, 15));

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function dayText(p: DayParts, locale: Locale, withYear: boolean): string {
  if (locale === "ru") return withYear ? `${pad2(p.day)}.${pad2(p.month)}.${p.year}` : `${pad2(p.day)}.${pad2(p.month)}`;
  const text = `${p.day} ${months(locale)[p.month - 1]}`;
  return withYear ? `${text} ${p.year}` : text;
}

const showsYear = (p: DayParts, today: string | undefined) => today === undefined || !today.startsWith(p.year);

/** 'YYYY-MM-DD' → «25.11» / "25 Nov"; with the year when it is not `today`'s year (or no `today` is given). Anything else is returned as it is. */
export function formatDay(day: string, locale: Locale, today?: string): string {
  const p = partsOf(day);
  return p ? dayText(p, locale, showsYear(p, today)) : day;
}

/** 'YYYY-MM-DD' → «ср 25.11» / "Wed 25 Nov": a day being chosen or read back, or a day of a handover's plan. */
export function formatDayWithWeekday(day: string, locale: Locale, today?: string): string {
  const p = partsOf(day);
  if (!p) return day;
  return `${weekdays(locale)[weekdayIndex(Number(p.year), p.month, p.day)]} ${dayText(p, locale, showsYear(p, today))}`;
}
