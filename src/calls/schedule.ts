/**
 * Spreading reactivation calls over a campaign window. Pure: dates in, dates out.
 *
 * Per manager (assignees are independent of each other):
 *  1. Order the calls: hot first; then the others whose urgent date (next contact / deadline) falls on or
 *     before the window's last day, nearest first; then warm; then cold. Inside each tier: nearest urgent
 *     date first (none = last), then clientId — so the order never depends on the input order.
 *  2. Decide how many calls go on each working day of the window: water-filling on the day's total
 *     (calls already there + new ones), never above maxPerManagerPerDay; ties → the earlier day. So 10 calls
 *     over 5 empty days are 2 a day, 7 calls are 2,2,1,1,1, and a day already busy gets fewer.
 *  3. Calls that do not fit in the window at the cap continue on the following working days, each filled
 *     up to the cap: a call is never dropped.
 *  4. Walk the ordered calls over those day slots chronologically: the first (hottest, most urgent) calls
 *     get the earliest days.
 */
import { addWorkingDays, nextWorkingDay, type WorkCalendar } from "../platform/calendar.js";

export interface CallToSchedule {
  clientId: number;
  assigneeId: number;
  temperature: "hot" | "warm" | "cold";
  urgentOn: string | null /* earliest of next contact / commitment deadline, 'YYYY-MM-DD' */;
}

export interface ScheduleOptions {
  startOn: string /* 'YYYY-MM-DD'; counts itself if it is a working day */;
  windowDays?: number /* working days, default 5 */;
  maxPerManagerPerDay: number;
  calendar: WorkCalendar;
  /** Key `${assigneeId}|${date}` → calls already on that manager's day. */
  existingPerDay?: Map<string, number>;
}

export interface ScheduledCall {
  clientId: number;
  assigneeId: number;
  dueOn: string /* 'YYYY-MM-DD' */;
}

export const DEFAULT_WINDOW_DAYS = 5;

/** Result order: by assigneeId, then by due day, then in the priority order described above. */
export function scheduleCalls(calls: CallToSchedule[], opts: ScheduleOptions): ScheduledCall[] {
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer, got ${windowDays}`);
  const max = opts.maxPerManagerPerDay;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxPerManagerPerDay must be a positive integer, got ${max}`);

  // Every manager's overflow walks the same days after the window: each is worked out once.
  const following = new Map<string, string>();
  const next = (date: string) => {
    let day = following.get(date);
    if (day === undefined) following.set(date, (day = nextWorkingDay(date, opts.calendar)));
    return day;
  };
  const window = windowDates(opts.startOn, windowDays, opts.calendar);
  const lastDay = window[window.length - 1]!;
  const result: ScheduledCall[] = [];
  for (const [assigneeId, own] of groupByAssignee(calls)) {
    const ordered = orderCalls(own, lastDay);
    const existing = (date: string) => opts.existingPerDay?.get(`${assigneeId}|${date}`) ?? 0;
    const slots = daySlots(ordered.length, window, max, existing, next);
    let k = 0;
    for (const { date, count } of slots) {
      for (let i = 0; i < count; i++) result.push({ clientId: ordered[k++]!.clientId, assigneeId, dueOn: date });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

/** The window's working days: startOn (or the next working day), then the following ones. */
function windowDates(startOn: string, windowDays: number, cal: WorkCalendar): string[] {
  const days = [addWorkingDays(startOn, 0, cal)];
  while (days.length < windowDays) days.push(nextWorkingDay(days[days.length - 1]!, cal));
  return days;
}

function groupByAssignee(calls: CallToSchedule[]): Array<[number, CallToSchedule[]]> {
  const byAssignee = new Map<number, CallToSchedule[]>();
  for (const call of calls) {
    const list = byAssignee.get(call.assigneeId);
    if (list) list.push(call);
    else byAssignee.set(call.assigneeId, [call]);
  }
  return [...byAssignee.entries()].sort(([a], [b]) => a - b);
}

/** 0 hot, 1 urgent within the window, 2 warm, 3 cold. */
function tier(call: CallToSchedule, lastDay: string): number {
  if (call.temperature === "hot") return 0;
  if (call.urgentOn !== null && call.urgentOn <= lastDay) return 1;
  return call.temperature === "warm" ? 2 : 3;
}

function orderCalls(calls: CallToSchedule[], lastDay: string): CallToSchedule[] {
  return calls
    .map((call) => ({ call, tier: tier(call, lastDay) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        compareUrgency(a.call.urgentOn, b.call.urgentOn) ||
        a.call.clientId - b.call.clientId,
    )
    .map(({ call }) => call);
}

/** Earlier date first; no date after any date. */
function compareUrgency(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * How many of `count` calls go on which day: balanced over the window (water-filling on existing + new,
 * capped, ties to the earlier day), the overflow on the following working days up to the cap.
 */
function daySlots(
  count: number,
  window: string[],
  max: number,
  existing: (date: string) => number,
  next: (date: string) => string,
): Array<{ date: string; count: number }> {
  const already = window.map(existing);
  const added = window.map(() => 0);
  let left = count;
  for (; left > 0; left--) {
    let best = -1;
    for (let d = 0; d < window.length; d++) {
      if (already[d]! + added[d]! >= max) continue;
      if (best < 0 || already[d]! + added[d]! < already[best]! + added[best]!) best = d;
    }
    if (best < 0) break; // the window is full at the cap
    added[best]! += 1;
  }

  const slots = window.map((date, d) => ({ date, count: added[d]! }));
  let day = window[window.length - 1]!;
  while (left > 0) {
    day = next(day);
    const room = Math.max(0, max - existing(day));
    const take = Math.min(room, left);
    if (take > 0) slots.push({ date: day, count: take });
    left -= take;
  }
  return slots.filter((slot) => slot.count > 0);
}
