import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleCalls, type CallToSchedule, type ScheduledCall } from "../../src/calls/schedule.js";
import { addWorkingDays, isWorkingDay, makeWorkCalendar, workingDaysBetween } from "../../src/platform/calendar.js";

const CAL = makeWorkCalendar("Europe/Moscow");
// 2026-11-23 Monday … 2026-11-27 Friday; 28/29 weekend; 30 Monday.
const MON = "2026-11-23";

function call(clientId: number, temperature: CallToSchedule["temperature"] = "warm", urgentOn: string | null = null, assigneeId = 1): CallToSchedule {
  return { clientId, assigneeId, temperature, urgentOn };
}

function perDay(result: ScheduledCall[], assigneeId = 1): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of result) if (r.assigneeId === assigneeId) counts[r.dueOn] = (counts[r.dueOn] ?? 0) + 1;
  return counts;
}

function dueOf(result: ScheduledCall[]): Map<number, string> {
  return new Map(result.map((r) => [r.clientId, r.dueOn]));
}

const base = { startOn: MON, windowDays: 5, maxPerManagerPerDay: 10, calendar: CAL };

describe("scheduleCalls: spreading", () => {
  it("10 calls over 5 days → 2 a day, hot ones first", () => {
    const calls = [...Array.from({ length: 8 }, (_, i) => call(i + 1, "cold")), call(9, "hot"), call(10, "hot")];
    const result = scheduleCalls(calls, base);
    expect(perDay(result)).toEqual({ "2026-11-23": 2, "2026-11-24": 2, "2026-11-25": 2, "2026-11-26": 2, "2026-11-27": 2 });
    expect(dueOf(result).get(9)).toBe(MON);
    expect(dueOf(result).get(10)).toBe(MON);
  });

  it("an uneven count puts the extra ones on the earlier days", () => {
    const calls = Array.from({ length: 7 }, (_, i) => call(i + 1));
    expect(perDay(scheduleCalls(calls, base))).toEqual({ "2026-11-23": 2, "2026-11-24": 2, "2026-11-25": 1, "2026-11-26": 1, "2026-11-27": 1 });
  });

  it("few calls: one a day from the start, not all on day one", () => {
    const calls = [call(1), call(2), call(3)];
    expect(perDay(scheduleCalls(calls, base))).toEqual({ "2026-11-23": 1, "2026-11-24": 1, "2026-11-25": 1 });
  });

  it("counts working days only: a window starting on Thursday skips the weekend", () => {
    const calls = Array.from({ length: 5 }, (_, i) => call(i + 1));
    const result = scheduleCalls(calls, { ...base, startOn: "2026-11-26" });
    expect(Object.keys(perDay(result)).sort()).toEqual(["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"]);
  });

  it("a start on a day off begins on the next working day", () => {
    const result = scheduleCalls([call(1)], { ...base, startOn: "2026-11-28" });
    expect(result).toEqual([{ clientId: 1, assigneeId: 1, dueOn: "2026-11-30" }]);
  });

  it("follows a custom working week", () => {
    const sixDays = makeWorkCalendar("UTC", { workingDays: [1, 2, 3, 4, 5, 6] });
    const result = scheduleCalls(Array.from({ length: 6 }, (_, i) => call(i + 1)), { ...base, startOn: "2026-11-27", calendar: sixDays, windowDays: 3 });
    expect(perDay(result)).toEqual({ "2026-11-27": 2, "2026-11-28": 2, "2026-11-30": 2 });
  });

  it("windowDays defaults to 5", () => {
    const { windowDays: _omit, ...noWindow } = base;
    const result = scheduleCalls(Array.from({ length: 10 }, (_, i) => call(i + 1)), noWindow);
    expect(Object.keys(perDay(result))).toHaveLength(5);
  });
});

describe("scheduleCalls: the cap", () => {
  it("goes past the window at the cap rather than drop a call", () => {
    const calls = Array.from({ length: 13 }, (_, i) => call(i + 1));
    const result = scheduleCalls(calls, { ...base, maxPerManagerPerDay: 2 });
    expect(result).toHaveLength(13);
    expect(perDay(result)).toEqual({
      "2026-11-23": 2,
      "2026-11-24": 2,
      "2026-11-25": 2,
      "2026-11-26": 2,
      "2026-11-27": 2,
      "2026-11-30": 2, // after the weekend
      "2026-12-01": 1,
    });
  });

  it("counts calls already on a day (existingPerDay) against the cap and the balance", () => {
    const existingPerDay = new Map([
      ["1|2026-11-23", 3], // full at the cap
      ["1|2026-11-24", 2],
      ["2|2026-11-25", 3], // another manager's day: irrelevant for manager 1
    ]);
    const calls = Array.from({ length: 6 }, (_, i) => call(i + 1));
    const result = scheduleCalls(calls, { ...base, maxPerManagerPerDay: 3, existingPerDay });
    // Totals after: Mon 3+0, Tue 2+0, Wed..Fri 0+2 each.
    expect(perDay(result)).toEqual({ "2026-11-25": 2, "2026-11-26": 2, "2026-11-27": 2 });
  });

  it("existing calls also count on the overflow days", () => {
    const existingPerDay = new Map([["7|2026-11-30", 1]]);
    const calls = Array.from({ length: 4 }, (_, i) => call(i + 1, "warm", null, 7));
    const result = scheduleCalls(calls, { ...base, windowDays: 1, maxPerManagerPerDay: 1, existingPerDay });
    expect(perDay(result, 7)).toEqual({ "2026-11-23": 1, "2026-11-24": 1, "2026-11-25": 1, "2026-11-26": 1 });
  });

  it("rejects options that could never place a call", () => {
    expect(() => scheduleCalls([call(1)], { ...base, maxPerManagerPerDay: 0 })).toThrow(RangeError);
    expect(() => scheduleCalls([call(1)], { ...base, maxPerManagerPerDay: 1.5 })).toThrow(RangeError);
    expect(() => scheduleCalls([call(1)], { ...base, windowDays: 0 })).toThrow(RangeError);
    expect(() => scheduleCalls([call(1)], { ...base, calendar: { ...CAL, workingDays: [] } })).toThrow(RangeError);
    expect(() => scheduleCalls([call(1)], { ...base, startOn: "2026-02-30" })).toThrow(RangeError);
  });
});

describe("scheduleCalls: order", () => {
  it("hot first, then urgent nearest first, then warm, then cold; ties by clientId", () => {
    const calls = [
      call(1, "cold"),
      call(2, "warm"),
      call(3, "cold", "2026-11-25"), // urgent within the window
      call(4, "hot"),
      call(5, "warm", "2026-11-24"), // urgent, nearer
      call(6, "cold", "2026-12-31"), // urgent date far beyond the window: just cold (first among the cold)
      call(7, "hot", "2026-11-24"), // hot with a date: before the other hot one
      call(8, "warm"),
    ];
    // One a day, so the order is visible in the dates.
    const result = scheduleCalls(calls, { ...base, windowDays: 8, maxPerManagerPerDay: 1 });
    const order = [...result].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1)).map((r) => r.clientId);
    expect(order).toEqual([7, 4, 5, 3, 2, 8, 6, 1]);
  });

  it("an overdue urgent date is the nearest", () => {
    const calls = [call(1, "warm", "2026-11-25"), call(2, "cold", "2026-11-10")];
    const result = scheduleCalls(calls, { ...base, maxPerManagerPerDay: 1 });
    expect(dueOf(result).get(2)).toBe(MON);
  });

  it("schedules each manager independently, output grouped by manager", () => {
    const calls = [call(1, "warm", null, 2), call(2, "warm", null, 1), call(3, "warm", null, 2), call(4, "hot", null, 1)];
    const result = scheduleCalls(calls, base);
    expect(result).toEqual([
      { clientId: 4, assigneeId: 1, dueOn: "2026-11-23" },
      { clientId: 2, assigneeId: 1, dueOn: "2026-11-24" },
      { clientId: 1, assigneeId: 2, dueOn: "2026-11-23" },
      { clientId: 3, assigneeId: 2, dueOn: "2026-11-24" },
    ]);
  });

  it("no calls → no schedule", () => {
    expect(scheduleCalls([], base)).toEqual([]);
  });
});

describe("scheduleCalls: properties", () => {
  const callsArb = fc
    .array(
      fc.record({
        assigneeId: fc.integer({ min: 1, max: 4 }),
        temperature: fc.constantFrom<CallToSchedule["temperature"]>("hot", "warm", "cold"),
        urgentOn: fc.option(
          fc.integer({ min: -10, max: 20 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
          { nil: null },
        ),
      }),
      { maxLength: 80 },
    )
    .map((rows) => rows.map((r, i): CallToSchedule => ({ clientId: i + 1, ...r })));
  const optsArb = fc.record({
    startOn: fc.integer({ min: 0, max: 13 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
    windowDays: fc.integer({ min: 1, max: 10 }),
    maxPerManagerPerDay: fc.integer({ min: 1, max: 8 }),
  });
  const existingArb = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9 })), { maxLength: 20 })
    .map((rows) => new Map(rows.map(([a, d, n]) => [`${a}|${new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)}`, n])));

  it("schedules every call exactly once, on a working day from the start on, never above the cap where there was room", () => {
    fc.assert(
      fc.property(callsArb, optsArb, existingArb, (calls, o, existingPerDay) => {
        const result = scheduleCalls(calls, { ...o, calendar: CAL, existingPerDay });
        expect(result.map((r) => r.clientId).sort((a, b) => a - b)).toEqual(calls.map((c) => c.clientId));
        const byKey = new Map<string, number>();
        for (const r of result) {
          expect(r.assigneeId).toBe(calls[r.clientId - 1]!.assigneeId);
          expect(isWorkingDay(r.dueOn, CAL)).toBe(true);
          expect(r.dueOn >= o.startOn).toBe(true);
          const key = `${r.assigneeId}|${r.dueOn}`;
          byKey.set(key, (byKey.get(key) ?? 0) + 1);
        }
        for (const [key, added] of byKey) {
          expect((existingPerDay.get(key) ?? 0) + added).toBeLessThanOrEqual(o.maxPerManagerPerDay);
        }
      }),
    );
  });

  it("without existing calls: balanced over the window (±1, extras early), overflow only when the window is full", () => {
    fc.assert(
      fc.property(callsArb, optsArb, (calls, o) => {
        const result = scheduleCalls(calls, { ...o, calendar: CAL });
        for (const assigneeId of new Set(calls.map((c) => c.assigneeId))) {
          const mine = result.filter((r) => r.assigneeId === assigneeId);
          const first = addWorkingDays(o.startOn, 0, CAL);
          const windowIndex = (d: string) => workingDaysBetween(first, d, CAL); // 0-based working-day index
          const counts = new Array<number>(o.windowDays).fill(0);
          let overflow = 0;
          for (const r of mine) {
            const i = windowIndex(r.dueOn);
            if (i < o.windowDays) counts[i]! += 1;
            else overflow++;
          }
          if (mine.length <= o.windowDays * o.maxPerManagerPerDay) {
            expect(overflow).toBe(0);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
            for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
          } else {
            expect(counts.every((n) => n === o.maxPerManagerPerDay)).toBe(true);
          }
        }
      }),
    );
  });

  it("priority order never goes backwards in time, and the input order does not matter", () => {
    fc.assert(
      fc.property(
        callsArb.chain((calls) => fc.tuple(fc.constant(calls), fc.shuffledSubarray(calls, { minLength: calls.length, maxLength: calls.length }))),
        optsArb,
        ([calls, shuffled], o) => {
          const opts = { ...o, calendar: CAL };
          const result = scheduleCalls(calls, opts);
          expect(scheduleCalls(shuffled, opts)).toEqual(result);
          // Within a manager, the result lists calls in priority order: due dates never decrease.
          for (let i = 1; i < result.length; i++) {
            if (result[i]!.assigneeId === result[i - 1]!.assigneeId) expect(result[i]!.dueOn >= result[i - 1]!.dueOn).toBe(true);
          }
          // A hot call is never later than a non-hot call of the same manager.
          const due = dueOf(result);
          for (const hot of calls.filter((c) => c.temperature === "hot")) {
            for (const other of calls.filter((c) => c.assigneeId === hot.assigneeId && c.temperature !== "hot")) {
              expect(due.get(hot.clientId)! <= due.get(other.clientId)!).toBe(true);
            }
          }
        },
      ),
    );
  });
});
