import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDay, formatDayWithWeekday } from "../../../src/platform/format/day.js";

describe("a day as people read it", () => {
  it("writes this year's day without the year, another year's with it", () => {
    expect(formatDay("2026-11-25", "ru", "2026-11-23")).toBe("25.11");
    expect(formatDay("2026-11-25", "en", "2026-11-23")).toBe("25 Nov");
    expect(formatDay("2027-01-05", "ru", "2026-12-31")).toBe("05.01.2027");
    expect(formatDay("2027-01-05", "en", "2026-12-31")).toBe("5 Jan 2027");
    expect(formatDay("2025-12-31", "en", "2026-01-01")).toBe("31 Dec 2025");
  });

  it("writes the year when it does not know today (a file that outlives the year)", () => {
    expect(formatDay("2026-11-25", "ru")).toBe("25.11.2026");
    expect(formatDay("2026-11-25", "en")).toBe("25 Nov 2026");
  });

  it("puts the weekday first where it matters", () => {
    expect(formatDayWithWeekday("2026-11-25", "ru", "2026-11-23")).toBe("ср 25.11");
    expect(formatDayWithWeekday("2026-11-25", "en", "2026-11-23")).toBe("Wed 25 Nov");
    expect(formatDayWithWeekday("2027-11-26", "ru", "2026-11-23")).toBe("пт 26.11.2027");
    expect(formatDayWithWeekday("2027-11-26", "en", "2026-11-23")).toBe("Fri 26 Nov 2027");
  });

  it("agrees with luxon's calendar on every day of four years, leap day included, in both languages", () => {
    for (let d = DateTime.fromISO("2026-01-01", { zone: "utc" }); d.year < 2030; d = d.plus({ days: 1 })) {
      const iso = d.toISODate()!;
      for (const locale of ["ru", "en"] as const) {
        const l = d.setLocale(locale);
        expect(formatDayWithWeekday(iso, locale, "2026-06-01")).toBe(l.toFormat(locale === "ru" ? (d.year === 2026 ? "ccc dd.MM" : "ccc dd.MM.yyyy") : d.year === 2026 ? "ccc d LLL" : "ccc d LLL yyyy"));
      }
    }
    expect(formatDayWithWeekday("2028-02-29", "en")).toBe("Tue 29 Feb 2028");
  });

  it("returns what is not a real day as it is", () => {
    for (const text of ["", "2026-02-30", "2026-13-01", "2026-11-25T10:00", "25.11.2026", "2025-02-29"]) {
      expect(formatDay(text, "ru", "2026-11-23")).toBe(text);
      expect(formatDayWithWeekday(text, "en", "2026-11-23")).toBe(text);
    }
  });
});
