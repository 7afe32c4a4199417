import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWithinWorkingHours, localDate, localHour, makeWorkCalendar, workingDaysBetween } from "../../src/platform/calendar.js";
import { overdueCutoff } from "../../src/nags/queries.js";
import { isWorkingTime, wallClock } from "../../src/platform/work-time.js";

const zones = ["Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok", "Europe/Kaliningrad", "America/New_York", "Europe/London", "Asia/Kolkata"];

describe("team wall clock", () => {
  it("agrees with the calendar's localDate, localHour and working hours", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (ms, tz) => {
        const now = new Date(ms);
        const clock = wallClock(now, tz);
        expect(clock.date).toBe(localDate(now, tz));
        expect(clock.hour).toBe(localHour(now, tz));
        const cal = makeWorkCalendar(tz, { workStartHour: 9, workEndHour: 19 });
        expect(isWorkingTime(clock, cal)).toBe(isWithinWorkingHours(now, cal));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects an unknown zone", () => {
    expect(() => wallClock(new Date(0), "Mars/Olympus")).toThrow(RangeError);
  });

  it("finds the last day that is at least n working days back", () => {
    const cal = makeWorkCalendar("Europe/Moscow");
    expect(overdueCutoff("2026-11-25", 2, cal)).toBe("2026-11-23"); // Wed → Mon
    expect(overdueCutoff("2026-11-23", 2, cal)).toBe("2026-11-19"); // Mon → Thu (the weekend does not count)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 6 }), (offset, n) => {
        const today = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const cut = overdueCutoff(today, n, cal);
        expect(workingDaysBetween(cut, today, cal)).toBeGreaterThanOrEqual(n);
        const next = new Date(Date.parse(cut) + 86_400_000).toISOString().slice(0, 10);
        expect(workingDaysBetween(next, today, cal)).toBeLessThan(n);
      }),
    );
  });
});
