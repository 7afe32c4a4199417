/**
 * What a person types as a date (Russian or English) → a team-local 'YYYY-MM-DD' (and optional 'HH:mm').
 *
 * Two layers:
 *  1. Numeric dates are read here, strictly and day-first: `25.11`, `25/11/2026`, `25.11.26`, `2026-11-25`.
 *     chrono would read `25/11` month-first in English and refuses `25.11` without a year, and we must never
 *     roll `31.02` into March.
 *  2. Everything else goes to chrono-node: its Russian parser first, then English. A parse is accepted only
 *     when it explains the whole message (apart from filler words such as «в», «до», "on", "at"), so
 *     "завтар" or "call me maybe" give null instead of a random date.
 *
 * All relative words are resolved against `now` on the team's wall clock: chrono is given the zone's UTC
 * offset at `now`, and we read the parsed wall-clock components (never `result.date()`, which would drag
 * the server's own time zone back in).
 *
 * Judgement calls:
 *  - A date without a year (`25.11`, «30 ноября», "Nov 30") means its next occurrence ON OR AFTER today.
 *  - A bare weekday («пятница», "friday") means the next one STRICTLY after today (chrono's forward rule):
 *    saying «в пятницу» on a Friday means next week's; «сегодня» is there for today.
 *  - "next friday" / «в следующую пятницу» is chrono's reading: the Friday of next week.
 *  - A time alone ("15:00") is not a date for `parseUserDate` (null); `parseUserDateTime` places it on its
 *    next occurrence (today if still ahead, else tomorrow).
 *  - A past date with an explicit year is returned as is; whether it is acceptable is the caller's rule.
 *  - «до конца месяца» / "by the end of the month" is the last day of THIS month (likewise week — its
 *    Sunday —, quarter and year), read here before chrono: chrono reads «месяца» alone as "in a month".
 *  - A bare unit («месяца», «недели», «года», "the month") is no date at all.
 *  - Weekdays in the dative («к пятнице», «к среде») are read like «в пятницу».
 */
import type * as chrono from "chrono-node";
// The two locales we read, not the package root: the root loads every locale chrono has (about 20 MB
// of resident memory in every process, the bot's and the import's).
import { casual as casualEn } from "chrono-node/en";
import { casual as casualRu } from "chrono-node/ru";
import { DateTime } from "luxon";
import { isValidTimezone } from "./calendar.js";

export interface DateInputRef {
  now: Date;
  timezone: string /* IANA */;
}

export interface UserDateTime {
  date: string /* 'YYYY-MM-DD' */;
  time: string | null /* 'HH:mm' */;
}

/** A calendar day typed by a person, or null. A time alone is not a day. */
export function parseUserDate(text: string, ref: DateInputRef): string | null {
  const parsed = parseInput(text, ref);
  return parsed && parsed.dateGiven ? parsed.date : null;
}

/** A day and, when the person gave one, a time of day; or null. */
export function parseUserDateTime(text: string, ref: DateInputRef): UserDateTime | null {
  const parsed = parseInput(text, ref);
  return parsed ? { date: parsed.date, time: parsed.time } : null;
}

// ---------------------------------------------------------------------------------------------

interface Parsed extends UserDateTime {
  /** False when the text held only a time of day. */
  dateGiven: boolean;
}

interface WallClock {
  today: string;
  year: number;
  /**
   * The team's wall-clock time written as the machine's local time. chrono mixes the machine's zone into
   * its forward rules (weekdays, times), so it gets a reference that reads the same in both.
   */
  asMachineLocal: Date;
}

/** Longer texts are not dates; don't spend parser time on pasted paragraphs. */
const MAX_INPUT_LENGTH = 100;

/** Words that may stand around a date without changing it: «до пятницы», "on Friday", «30 ноября 2026 г.». */
const FILLER_WORDS = new Set([
  "в", "во", "на", "к", "ко", "до", "с", "со", "числа", "г", "год", "года",
  "on", "at", "by", "the", "until", "till", "before", "of",
]);

function parseInput(text: string, ref: DateInputRef): Parsed | null {
  if (typeof text !== "string") return null;
  const input = normalize(text);
  if (input === "" || input.length > MAX_INPUT_LENGTH) return null;
  const clock = wallClock(ref);
  const numeric = parseNumeric(input, clock);
  // null from the numeric reader is a verdict ("31.02" is no date), only `undefined` means "not numeric".
  if (numeric !== undefined) return numeric;
  const endOf = parseEndOf(input, ref);
  if (endOf !== undefined) return endOf;
  return parseNatural(input.replace(DATIVE_WEEKDAY, (w) => DATIVE_TO_ACCUSATIVE[w] ?? w), clock);
}

// --- "end of the month / week / quarter / year" ---------------------------------------------------

const END_OF_RU = /^(?:(?:до|к|ко|в|на)\s+)?(?:конец|конца|концу|конце)\s+(?:этого\s+|текущего\s+|этой\s+|текущей\s+)?(месяца|недели|квартала|года)$/u;
const END_OF_EN = /^(?:(?:by|until|till|before|at|on)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(month|week|quarter|year)$/u;
const UNIT: Record<string, "month" | "week" | "quarter" | "year"> = {
  месяца: "month", недели: "week", квартала: "quarter", года: "year", month: "month", week: "week", quarter: "quarter", year: "year",
};

/** The last day of the current period on the team's calendar; undefined when the text is not such a phrase. */
function parseEndOf(input: string, ref: DateInputRef): Parsed | undefined {
  const m = END_OF_RU.exec(input) ?? END_OF_EN.exec(input);
  if (!m) return undefined;
  const local = DateTime.fromJSDate(ref.now, { zone: ref.timezone });
  const date = local.endOf(UNIT[m[1]!]!).toISODate();
  return date === null ? undefined : { date, time: null, dateGiven: true };
}

const DATIVE_WEEKDAY = /(?<!\p{L})(понедельнику|вторнику|среде|четвергу|пятнице|субботе|воскресенью)(?!\p{L})/gu;
const DATIVE_TO_ACCUSATIVE: Record<string, string> = {
  понедельнику: "понедельник", вторнику: "вторник", среде: "среду", четвергу: "четверг", пятнице: "пятницу", субботе: "субботу", воскресенью: "воскресенье",
};

function normalize(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,!?;]+$/u, "")
    .toLowerCase();
}

function wallClock(ref: DateInputRef): WallClock {
  if (!isValidTimezone(ref.timezone)) throw new RangeError(`Unknown IANA time zone: ${ref.timezone}`);
  const local = DateTime.fromJSDate(ref.now, { zone: ref.timezone });
  if (!local.isValid) throw new RangeError(`Invalid reference instant: ${String(ref.now)}`);
  const asMachineLocal = new Date(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return { today: local.toISODate(), year: local.year, asMachineLocal };
}

// --- numeric dates, day-first -----------------------------------------------------------------

/** `25.11`, `25/11`, `25.11.2026`, `25/11/26`, `25-11-2026`, optionally followed by a time. */
const DAY_FIRST = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?:(?:\s+|,\s*)(.+))?$/u;
const DAY_FIRST_DASHED = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:(?:\s+|,\s*)(.+))?$/u;
/** ISO `2026-11-25`, optionally `2026-11-25 15:00` or `2026-11-25T15:00`. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+|,\s*)(.+))?$/u;

function parseNumeric(input: string, clock: WallClock): Parsed | null | undefined {
  let day: number, month: number, year: number | null, rest: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(input))) {
    [year, month, day, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
  } else if ((m = DAY_FIRST.exec(input))) {
    [day, month, rest] = [Number(m[1]), Number(m[3]), m[5]];
    year = m[4] === undefined ? null : m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  } else if ((m = DAY_FIRST_DASHED.exec(input))) {
    [day, month, year, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
  } else {
    return undefined; // not numeric: let chrono try
  }

  // From here on the text *is* numeric: an impossible date is an answer (null), not a reason to guess.
  const date = year === null ? nextOccurrence(month, day, clock) : isoDate(year, month, day);
  if (date === null) return null;
  if (rest === undefined) return { date, time: null, dateGiven: true };
  const time = parseTimeOnly(rest, clock);
  return time === null ? null : { date, time, dateGiven: true };
}

/** 'HH:mm' when `text` is just a time of day («в 15:00», "3pm"), else null. */
function parseTimeOnly(text: string, clock: WallClock): string | null {
  const result = parseWholeText(text, clock);
  if (!result || hasDatePart(result.start) || !result.start.isCertain("hour")) return null;
  return formatTime(result.start);
}

// --- natural language via chrono -----------------------------------------------------------------

const PARSERS: readonly chrono.Chrono[] = [casualRu, casualEn];

/** A unit alone: chrono reads «месяца» as "in a month" and "the month" likewise; nobody means that. */
const BARE_UNIT = /^(?:the\s+)?(?:месяц[аеу]?|недел[яиюе]|год[ау]?|квартал[ау]?|month|week|year|quarter)$/u;

function parseNatural(input: string, clock: WallClock): Parsed | null {
  const result = parseWholeText(input, clock);
  if (!result || BARE_UNIT.test(result.text.trim())) return null;
  const start = result.start;
  const dateGiven = hasDatePart(start);
  const hasTime = start.isCertain("hour");
  if (!dateGiven && !hasTime) return null; // e.g. «утром» alone

  const year = get(start, "year");
  const month = get(start, "month");
  const day = get(start, "day");
  // chrono's forwardDate moves "27 ноября" said on Nov 27 to next year; we want on-or-after today.
  const date =
    !start.isCertain("year") && start.isCertain("month") && start.isCertain("day")
      ? nextOccurrence(month, day, clock)
      : isoDate(year, month, day);
  // A bare weekday said on that very weekday means next week's (chrono keeps today until noon).
  if (date !== null && date <= clock.today && start.isCertain("weekday") && !start.isCertain("day") && !start.isCertain("month") && !THIS_WEEK.test(result.text)) {
    return { date: addDaysIso(date, 7), time: hasTime ? formatTime(start) : null, dateGiven };
  }
  if (date === null) return null;
  return { date, time: hasTime ? formatTime(start) : null, dateGiven };
}

/** The first parser whose first result covers the whole text (filler words aside). */
function parseWholeText(text: string, clock: WallClock): chrono.ParsedResult | null {
  const reference = { instant: clock.asMachineLocal };
  for (const parser of PARSERS) {
    const results = parser.parse(text, reference, { forwardDate: true });
    const first = results[0];
    if (first && results.length === 1 && onlyFillerLeft(text, first)) return first;
  }
  return null;
}

function onlyFillerLeft(text: string, result: chrono.ParsedResult): boolean {
  const leftover = text.slice(0, result.index) + " " + text.slice(result.index + result.text.length);
  const words = leftover.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => FILLER_WORDS.has(w));
}

function hasDatePart(c: chrono.ParsedComponents): boolean {
  return c.isCertain("year") || c.isCertain("month") || c.isCertain("day") || c.isCertain("weekday");
}

function get(c: chrono.ParsedComponents, component: chrono.Component): number {
  const value = c.get(component);
  if (value === null) throw new Error(`chrono result without ${component}`); // chrono always implies these
  return value;
}

function formatTime(c: chrono.ParsedComponents): string {
  return `${pad(get(c, "hour"))}:${pad(c.get("minute") ?? 0)}`;
}

// --- dates ---------------------------------------------------------------------------------------

/** 'YYYY-MM-DD' if that day exists (no rolling 31.02 into March), else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999) return null;
  const dt = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  return dt.isValid ? dt.toISODate() : null;
}

/** The first `day.month` on or after today; 29.02 waits for the next leap year. */
function nextOccurrence(month: number, day: number, clock: WallClock): string | null {
  for (let year = clock.year; year <= clock.year + 8; year++) {
    const date = isoDate(year, month, day);
    if (date !== null && date >= clock.today) return date;
  }
  return null;
}

/** «в эту пятницу», "this friday": the weekday of this week, today included. */
const THIS_WEEK = /\b(this)\b|(^|\s)эт[уоиа]/iu;

function addDaysIso(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate()!;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
