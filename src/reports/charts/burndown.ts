// The numbers behind the calls-over-time chart, per local day from the handover's start: calls made that
// day, open calls left at the end of the day (up to today), and the plan (open calls left if every call
// were made on its due day). Pure: days are ISO dates on the team's calendar.
import { addDays } from "../../platform/calendar.js";

export interface BurndownInput {
  start: string;
  today: string;
  /** The handover's due date for the calls, if any: the axis reaches it. */
  due: string | null;
  total: number;
  /** The local day each made call (reached or lost) was made on. */
  madeOn: string[];
  /** The (current) due day of every call, made or not. */
  dueOn: string[];
}

export interface Burndown {
  days: string[];
  made: number[];
  /** null after today: the future is not drawn. */
  open: (number | null)[];
  planned: number[];
}

/** Longest axis drawn; a longer campaign shows its last days. */
export const MAX_DAYS = 92;

export function burndown(input: BurndownInput): Burndown {
  const last = [input.today, input.due ?? input.today, ...input.dueOn].reduce((a, b) => (b > a ? b : a));
  // The day before the start is the curve's starting point: every call still open.
  let first = addDays([input.start, ...input.madeOn].reduce((a, b) => (b < a ? b : a)), -1);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const shown = days.slice(-MAX_DAYS);
  first = shown[0]!;
  const before = (list: string[]) => list.filter((d) => d < first).length;
  let madeSoFar = before(input.madeOn);
  let plannedSoFar = before(input.dueOn);
  const out: Burndown = { days: shown, made: [], open: [], planned: [] };
  const madeBy = tally(input.madeOn);
  const dueBy = tally(input.dueOn);
  for (const day of shown) {
    const made = madeBy.get(day) ?? 0;
    madeSoFar += made;
    plannedSoFar += dueBy.get(day) ?? 0;
    out.made.push(made);
    out.open.push(day <= input.today ? input.total - madeSoFar : null);
    out.planned.push(Math.max(0, input.total - plannedSoFar));
  }
  return out;
}

function tally(days: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of days) m.set(d, (m.get(d) ?? 0) + 1);
  return m;
}
