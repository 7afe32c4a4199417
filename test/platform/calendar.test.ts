import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  atLocalTime,
  isIsoDate,
  isValidTimezone,
  isWithinWorkingHours,
  isWorkingDay,
  localDate,
  localHour,
  makeWorkCalendar,
  nextWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from "../../src/platform/calendar.js";

const MSK = makeWorkCalendar("Europe/Moscow");
// 2026-11-23 is a Monday; 2026-11-28/29 the weekend.

/** Arbitrary valid day between 2000 and 2060 as 'YYYY-MM-DD'. */
const dayArb = fc
  .integer({ min: 0, max: 60 * 366 })
  .map((offset) => addDays("2000-01-01", offset));
const workingDaysArb = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const calArb = workingDaysArb.map((workingDays) => makeWorkCalendar("UTC", { workingDays }));

describe("makeWorkCalendar", () => {
  it("fills the documented defaults", () => {
    expect(makeWorkCalendar("Europe/Berlin")).toEqual({
      timezone: "Europe/Berlin",
      workingDays: [1, 2, 3, 4, 5],
      workStartHour: 9,
      workEndHour: 19,
    });
    expect(makeWorkCalendar("UTC", { workingDays: [6], workEndHour: 17 })).toMatchObject({ workingDays: [6], workStartHour: 9, workEndHour: 17 });
  });
});

describe("isValidTimezone", () => {
  it("accepts IANA names", () => {
    for (const tz of ["Europe/Moscow", "Asia/Yekaterinburg", "America/New_York", "UTC", "Asia/Kolkata"]) {
      expect(isValidTimezone(tz)).toBe(true);
    }
  });
  it("rejects junk", () => {
    for (const tz of ["", " ", "Moscow", "Europe/Mordor", "+03:00", "MSK3"]) expect(isValidTimezone(tz)).toBe(false);
  });
});

describe("localDate / localHour", () => {
  it("uses the team's wall clock, not UTC", () => {
    const now = new Date("2026-11-23T23:30:00Z");
    expect(localDate(now, "UTC")).toBe("2026-11-23");
    expect(localDate(now, "Europe/Moscow")).toBe("2026-11-24");
    expect(localHour(now, "Europe/Moscow")).toBe(2);
    expect(localDate(now, "America/Los_Angeles")).toBe("2026-11-23");
    expect(localHour(now, "America/Los_Angeles")).toBe(15);
    expect(localDate(new Date("2026-11-23T20:00:00Z"), "Asia/Vladivostok")).toBe("2026-11-24");
  });
  it("throws on an unknown zone", () => {
    expect(() => localDate(new Date(0), "Nowhere/City")).toThrow(RangeError);
  });
  it("throws on an invalid instant", () => {
    expect(() => localDate(new Date(Number.NaN), "Europe/Moscow")).toThrow(RangeError);
  });
  it("agrees with luxon for any instant and zone, across daylight-saving changes and odd years (and from memory)", () => {
    const zones = ["UTC", "Europe/Moscow", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "Asia/Kathmandu"];
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(1200, 0, 1) }),
      // Around the 2026 spring and autumn changes (Europe, the US, Lord Howe's half hour), minute by minute.
      ...["2026-03-08T09:00Z", "2026-03-29T00:00Z", "2026-10-25T00:00Z", "2026-04-04T14:00Z", "2026-11-01T08:00Z"].map((at) =>
        fc.integer({ min: -180, max: 180 }).map((m) => Date.parse(at) + m * 60_000),
      ),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (ms, tz) => {
        // The instant, then the first and last millisecond of its minute (those two from memory).
        const minute = Math.floor(ms / 60_000) * 60_000;
        for (const at of [ms, minute, minute + 59_999]) {
          const expected = DateTime.fromMillis(at, { zone: tz });
          expect(localDate(new Date(at), tz)).toBe(expected.toISODate());
          expect(localHour(new Date(at), tz)).toBe(expected.hour);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isWorkingDay", () => {
  it("follows the calendar's weekdays", () => {
    expect(isWorkingDay("2026-11-23", MSK)).toBe(true); // Mon
    expect(isWorkingDay("2026-11-27", MSK)).toBe(true); // Fri
    expect(isWorkingDay("2026-11-28", MSK)).toBe(false); // Sat
    expect(isWorkingDay("2026-11-29", MSK)).toBe(false); // Sun
    const sixDay = makeWorkCalendar("UTC", { workingDays: [1, 2, 3, 4, 5, 6] });
    expect(isWorkingDay("2026-11-28", sixDay)).toBe(true);
  });
  it("rejects malformed or impossible dates", () => {
    expect(() => isWorkingDay("2026-02-31", MSK)).toThrow(RangeError);
    expect(() => isWorkingDay("23.11.2026", MSK)).toThrow(RangeError);
    expect(() => isWorkingDay("2026-11-23", { ...MSK, workingDays: [] })).toThrow(RangeError);
  });
});

describe("addWorkingDays / nextWorkingDay", () => {
  it("n = 0 keeps a working day and moves a weekend to Monday", () => {
    expect(addWorkingDays("2026-11-25", 0, MSK)).toBe("2026-11-25");
    expect(addWorkingDays("2026-11-28", 0, MSK)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-29", 0, MSK)).toBe("2026-11-30");
  });
  it("skips weekends", () => {
    expect(addWorkingDays("2026-11-23", 1, MSK)).toBe("2026-11-24");
    expect(addWorkingDays("2026-11-27", 1, MSK)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-26", 3, MSK)).toBe("2026-12-01");
    expect(addWorkingDays("2026-11-28", 1, MSK)).toBe("2026-11-30"); // from Saturday: Monday is the 1st
    expect(addWorkingDays("2026-11-23", 5, MSK)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-23", 10, MSK)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-31", 1, MSK)).toBe("2027-01-01");
  });
  it("handles a custom week (Sun–Thu)", () => {
    const cal = makeWorkCalendar("Asia/Dubai", { workingDays: [7, 1, 2, 3, 4] });
    expect(addWorkingDays("2026-11-26", 1, cal)).toBe("2026-11-29"); // Thu → Sun
  });
  it("rejects negative or fractional n", () => {
    expect(() => addWorkingDays("2026-11-23", -1, MSK)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-11-23", 1.5, MSK)).toThrow(RangeError);
  });
  it("nextWorkingDay is strictly after", () => {
    expect(nextWorkingDay("2026-11-23", MSK)).toBe("2026-11-24");
    expect(nextWorkingDay("2026-11-27", MSK)).toBe("2026-11-30");
    expect(nextWorkingDay("2026-11-28", MSK)).toBe("2026-11-30");
  });
  it("property: result is a working day, n working days away, and the earliest such day", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), calArb, (day, n, cal) => {
        const result = addWorkingDays(day, n, cal);
        expect(isWorkingDay(result, cal)).toBe(true);
        expect(workingDaysBetween(day, result, cal)).toBe(n);
        expect(workingDaysBetween(day, addDays(result, -1), cal)).toBe(n - 1);
      }),
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts working days in (from, to]", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-23", MSK)).toBe(0);
    expect(workingDaysBetween("2026-11-23", "2026-11-24", MSK)).toBe(1);
    expect(workingDaysBetween("2026-11-23", "2026-11-30", MSK)).toBe(5);
    expect(workingDaysBetween("2026-11-27", "2026-11-29", MSK)).toBe(0);
    expect(workingDaysBetween("2026-11-28", "2026-11-30", MSK)).toBe(1);
    expect(workingDaysBetween("2026-01-01", "2027-01-01", MSK)).toBe(261);
  });
  it("is negative when to < from", () => {
    expect(workingDaysBetween("2026-11-30", "2026-11-23", MSK)).toBe(-5);
  });
  it("property: agrees with a day-by-day count and is antisymmetric", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 60 }), calArb, (from, span, cal) => {
        const to = addDays(from, span);
        let expected = 0;
        for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(from, i), cal)) expected++;
        expect(workingDaysBetween(from, to, cal)).toBe(expected);
        expect(workingDaysBetween(to, from, cal)).toBe(0 - expected);
      }),
    );
  });
});

describe("addDays", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-11-23", 0)).toBe("2026-11-23");
  });
  it("is not disturbed by DST switches (days are zone-free)", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
  });
  it("rejects invalid input", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-11-23", 0.5)).toThrow(RangeError);
  });
  it("isIsoDate tells well-formed existing days", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-1-5")).toBe(false);
  });
  it("property: days and validity agree with luxon's UTC calendar, weekdays with Date's, years 0000–9999 and beyond", () => {
    const isoWeekday = (day: string) => {
      const date = new Date(0);
      date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
      return date.getUTCDay() || 7;
    };
    const anyDay = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
      ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    );
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -20_000, max: 20_000 }), (day, n) => {
        const dt = DateTime.fromISO(day, { zone: "utc" });
        expect(isIsoDate(day)).toBe(dt.isValid);
        if (!dt.isValid) {
          expect(() => addDays(day, n)).toThrow(RangeError);
          return;
        }
        expect(addDays(day, n)).toBe(dt.plus({ days: n }).toISODate());
        // The weekday from the platform's own Date: luxon gives 0000-02-29 the weekday of 1 March (a
        // Wednesday; it was a Tuesday), so it cannot be the judge there.
        const weekday = isoWeekday(day);
        expect(isWorkingDay(day, makeWorkCalendar("UTC", { workingDays: [weekday] }))).toBe(true);
        expect(isWorkingDay(day, makeWorkCalendar("UTC", { workingDays: [(weekday % 7) + 1] }))).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // The day luxon gets wrong, every run.
    expect(isWorkingDay("0000-02-29", makeWorkCalendar("UTC", { workingDays: [2] }))).toBe(true);
  });
});

describe("isWithinWorkingHours", () => {
  const cal: WorkCalendar = MSK; // 9..19 Moscow (UTC+3 all year)
  it("is inclusive at the start and exclusive at the end, in the team's zone", () => {
    expect(isWithinWorkingHours(new Date("2026-11-23T05:59:00Z"), cal)).toBe(false); // 08:59
    expect(isWithinWorkingHours(new Date("2026-11-23T06:00:00Z"), cal)).toBe(true); // 09:00
    expect(isWithinWorkingHours(new Date("2026-11-23T15:59:00Z"), cal)).toBe(true); // 18:59
    expect(isWithinWorkingHours(new Date("2026-11-23T16:00:00Z"), cal)).toBe(false); // 19:00
  });
  it("is false on a day off even during the hours", () => {
    expect(isWithinWorkingHours(new Date("2026-11-28T09:00:00Z"), cal)).toBe(false);
  });
  it("uses the local weekday: Monday 01:00 Moscow is Sunday in UTC", () => {
    const night = makeWorkCalendar("Europe/Moscow", { workStartHour: 0, workEndHour: 24 });
    expect(isWithinWorkingHours(new Date("2026-11-29T22:00:00Z"), night)).toBe(true);
    expect(isWithinWorkingHours(new Date("2026-11-29T20:00:00Z"), night)).toBe(false);
  });
});

describe("atLocalTime", () => {
  it("returns the instant of a local wall time", () => {
    expect(atLocalTime("2026-11-23", 9, 0, "Europe/Moscow").toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(atLocalTime("2026-11-23", 0, 15, "Asia/Vladivostok").toISOString()).toBe("2026-11-22T14:15:00.000Z");
  });
  it("respects DST: same wall time, different offsets in summer and winter", () => {
    expect(atLocalTime("2026-07-01", 9, 0, "Europe/Berlin").toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(atLocalTime("2026-12-01", 9, 0, "Europe/Berlin").toISOString()).toBe("2026-12-01T08:00:00.000Z");
    // The switch day itself: 2026-03-29 Berlin jumps 02:00 → 03:00.
    expect(atLocalTime("2026-03-29", 9, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(atLocalTime("2026-03-29", 1, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T00:00:00.000Z");
  });
  it("moves a time inside the spring-forward gap forward", () => {
    // 02:30 does not exist in Berlin on 2026-03-29; luxon gives 03:30 CEST = 01:30Z.
    expect(atLocalTime("2026-03-29", 2, 30, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
  it("round-trips with localDate/localHour (zones without DST gaps since 2000)", () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom("Asia/Kolkata", "Asia/Tokyo", "Asia/Dubai", "UTC"),
        (day, hour, tz) => {
          const instant = atLocalTime(day, hour, 0, tz);
          expect(localDate(instant, tz)).toBe(day);
          expect(localHour(instant, tz)).toBe(hour);
        },
      ),
    );
  });
  it("rejects bad input", () => {
    expect(() => atLocalTime("2026-11-23", 24, 0, "UTC")).toThrow(RangeError);
    expect(() => atLocalTime("2026-11-23", 9, 60, "UTC")).toThrow(RangeError);
    expect(() => atLocalTime("2026-11-23", 9, 0, "Mars/Base")).toThrow(RangeError);
  });
});
