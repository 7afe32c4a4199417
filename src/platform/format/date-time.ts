// An instant on the team's wall clock: the day as `formatDay` writes it, then the time.
//   «25.11 14:05» / "25 Nov 14:05"; «25.11.2027 14:05» / "25 Nov 2027 14:05" when not this year's.
import type { Locale } from "../locale.js";
import { formatDay } from "./day.js";

/** One Intl formatter per zone: "MM/DD/YYYY, HH:mm" in en-US with a 24-hour clock. */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
const WALL = /^(\d{2})\/(\d{2})\/(-?\d+), (\d{2}):(\d{2})$/;

function wall(ms: number, timezone: string): { day: string; time: string } {
  let format = wallFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    wallFormats.set(timezone, format);
  }
  const m = WALL.exec(format.format(ms));
  if (!m) throw new RangeError(`Cannot place ${ms} on the wall clock of ${timezone}`);
  return { day: `${m[3]!.padStart(4, "0")}-${m[1]}-${m[2]}`, time: `${m[4]}:${m[5]}` };
}

/** «25.11 14:05» / "25 Nov 14:05": epoch ms on the wall clock of `timezone`; the year when not `today`'s (or no `today`). */
export function formatDateTime(ms: number, timezone: string, locale: Locale, today?: string): string {
  const w = wall(ms, timezone);
  return `${formatDay(w.day, locale, today)} ${w.time}`;
}

/** "14:05": the wall-clock time of epoch ms in `timezone` (24-hour, zero-padded, so it also compares as text). */
export function formatTime(ms: number, timezone: string): string {
  return wall(ms, timezone).time;
}
