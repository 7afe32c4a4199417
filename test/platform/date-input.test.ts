import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUserDate, parseUserDateTime } from "../../src/platform/date-input.js";

// Monday 2026-11-23, 12:00 in Moscow (UTC+3, no DST).
const MONDAY = { now: new Date("2026-11-23T09:00:00Z"), timezone: "Europe/Moscow" };
// Friday 2026-11-27, 12:00 in Moscow.
const FRIDAY = { now: new Date("2026-11-27T09:00:00Z"), timezone: "Europe/Moscow" };

describe("parseUserDate: numeric, day-first", () => {
  it.each([
    ["25.11", "2026-11-25"],
    ["25.11.2026", "2026-11-25"],
    ["25/11/2026", "2026-11-25"],
    ["2026-11-25", "2026-11-25"],
    ["25.11.26", "2026-11-25"],
    ["25-11-2026", "2026-11-25"],
    ["5.1", "2027-01-05"], // 5 January, never May 1st
    ["01.12", "2026-12-01"],
    ["12/01/2027", "2027-01-12"], // day-first even with slashes
    ["  25.11.  ", "2026-11-25"],
  ])("%s → %s", (text, expected) => {
    expect(parseUserDate(text, MONDAY)).toBe(expected);
  });

  it("a date without a year is its next occurrence on or after today", () => {
    expect(parseUserDate("23.11", MONDAY)).toBe("2026-11-23"); // today stays today
    expect(parseUserDate("22.11", MONDAY)).toBe("2027-11-22"); // yesterday → next year
    expect(parseUserDate("10.01", MONDAY)).toBe("2027-01-10");
    expect(parseUserDate("29.02", MONDAY)).toBe("2028-02-29"); // waits for a leap year
  });

  it("keeps an explicit past year as typed (the caller decides whether the past is allowed)", () => {
    expect(parseUserDate("25.11.2025", MONDAY)).toBe("2025-11-25");
  });

  it.each(["31.02.2026", "31.02", "30.02.2028", "29.02.2026", "2026-02-29", "2026-13-01", "32.01", "25.13", "0.11", "00.00.2026", "31.04.2027"])(
    "rejects the impossible date %s instead of rolling it over",
    (text) => {
      expect(parseUserDate(text, MONDAY)).toBeNull();
    },
  );
});

describe("parseUserDate: Russian words", () => {
  it.each([
    ["сегодня", "2026-11-23"],
    ["завтра", "2026-11-24"],
    ["Завтра", "2026-11-24"],
    ["послезавтра", "2026-11-25"],
    ["в пятницу", "2026-11-27"],
    ["пятница", "2026-11-27"],
    ["до пятницы", "2026-11-27"],
    ["через неделю", "2026-11-30"],
    ["через 3 дня", "2026-11-26"],
    ["через месяц", "2026-12-23"],
    ["30 ноября", "2026-11-30"],
    ["1 декабря в 15:00", "2026-12-01"],
    ["30 ноября 2027 г.", "2027-11-30"],
    ["в следующую пятницу", "2026-12-04"],
  ])("«%s» → %s", (text, expected) => {
    expect(parseUserDate(text, MONDAY)).toBe(expected);
  });

  it("a month-name date without a year falls on or after today", () => {
    expect(parseUserDate("23 ноября", MONDAY)).toBe("2026-11-23");
    expect(parseUserDate("22 ноября", MONDAY)).toBe("2027-11-22");
  });

  it("a weekday said on that weekday means next week's", () => {
    expect(parseUserDate("в пятницу", FRIDAY)).toBe("2026-12-04");
    expect(parseUserDate("сегодня", FRIDAY)).toBe("2026-11-27");
  });

  it("reads weekdays on the team's calendar at any hour, whatever the machine's zone", () => {
    // Friday 23:30 in Moscow is already Saturday in Kiritimati and still Friday noon in Los Angeles.
    const lateFriday = { now: new Date("2026-11-27T20:30:00Z"), timezone: "Europe/Moscow" };
    expect(parseUserDate("в пятницу", lateFriday)).toBe("2026-12-04");
    expect(parseUserDate("в субботу", lateFriday)).toBe("2026-11-28");
    expect(parseUserDate("завтра", lateFriday)).toBe("2026-11-28");
    const earlyMondayLA = { now: new Date("2026-11-23T08:30:00Z"), timezone: "America/Los_Angeles" }; // Mon 00:30
    expect(parseUserDate("monday", earlyMondayLA)).toBe("2026-11-30");
    expect(parseUserDate("tuesday", earlyMondayLA)).toBe("2026-11-24");
    expect(parseUserDate("in the evening tomorrow", earlyMondayLA) ?? parseUserDate("tomorrow", earlyMondayLA)).toBe("2026-11-24");
  });
});

describe("parseUserDate: English words", () => {
  it.each([
    ["today", "2026-11-23"],
    ["tomorrow", "2026-11-24"],
    ["Tomorrow", "2026-11-24"],
    ["friday", "2026-11-27"],
    ["on Friday", "2026-11-27"],
    ["next friday", "2026-12-04"],
    ["in 2 weeks", "2026-12-07"],
    ["Nov 30", "2026-11-30"],
    ["30 Nov 2026 3pm", "2026-11-30"],
  ])("%s → %s", (text, expected) => {
    expect(parseUserDate(text, MONDAY)).toBe(expected);
  });

  it("Nov 23 said on Nov 23 is today, not next year", () => {
    expect(parseUserDate("Nov 23", MONDAY)).toBe("2026-11-23");
  });
});

describe("parseUserDate: garbage", () => {
  it.each(["", "   ", "asdf", "завтар", "позвони мне завтра", "25.11 blah", "call me maybe", "5", "15:00", "утром", "31 февраля", "Feb 30 2026"])(
    "%j → null",
    (text) => {
      expect(parseUserDate(text, MONDAY)).toBeNull();
    },
  );

  it("never throws and returns null or a valid ISO day for any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = parseUserDate(text, MONDAY);
        if (result !== null) expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });

  it("every existing dd.mm.yyyy parses to itself", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(parseUserDate(`${day}.${m}.${y}`, MONDAY)).toBe(iso);
        expect(parseUserDate(`${Number(day)}/${Number(m)}/${y}`, MONDAY)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});

describe("time zone: everything is relative to the team's wall clock", () => {
  // 23:30 UTC on Nov 23 is already 02:30 on Nov 24 in Moscow.
  const lateUtc = new Date("2026-11-23T23:30:00Z");

  it("«завтра» at 23:30 UTC in Moscow is Nov 25", () => {
    expect(parseUserDate("завтра", { now: lateUtc, timezone: "Europe/Moscow" })).toBe("2026-11-25");
    expect(parseUserDate("сегодня", { now: lateUtc, timezone: "Europe/Moscow" })).toBe("2026-11-24");
    expect(parseUserDate("tomorrow", { now: lateUtc, timezone: "Europe/Moscow" })).toBe("2026-11-25");
  });

  it("the same instant in UTC and in Los Angeles is still Nov 23", () => {
    expect(parseUserDate("завтра", { now: lateUtc, timezone: "UTC" })).toBe("2026-11-24");
    expect(parseUserDate("tomorrow", { now: lateUtc, timezone: "America/Los_Angeles" })).toBe("2026-11-24");
  });

  it("a yearless date uses the team's today: 24.11 is today in Moscow, next year in UTC", () => {
    const early = new Date("2026-11-24T00:30:00Z"); // 03:30 Moscow, 16:30 Nov 23 in LA
    expect(parseUserDate("24.11", { now: early, timezone: "Europe/Moscow" })).toBe("2026-11-24");
    expect(parseUserDate("23.11", { now: early, timezone: "Europe/Moscow" })).toBe("2027-11-23");
    expect(parseUserDate("23.11", { now: early, timezone: "America/Los_Angeles" })).toBe("2026-11-23");
  });

  it("does not depend on the server's own time zone (even one with DST)", () => {
    const saved = process.env.TZ;
    const inputs = ["завтра", "через неделю", "friday", "in 2 weeks", "30 ноября", "1 декабря в 15:00", "через месяц"];
    const ref = { now: new Date("2026-10-24T22:30:00Z"), timezone: "Europe/Moscow" }; // Berlin DST ends the next night
    try {
      const answers = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati"].map((serverTz) => {
        process.env.TZ = serverTz;
        return inputs.map((t) => parseUserDateTime(t, ref));
      });
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]?.[0]).toEqual({ date: "2026-10-26", time: null });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("throws on an unknown team zone (a programming error, not user input)", () => {
    expect(() => parseUserDate("завтра", { now: lateUtc, timezone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("parseUserDateTime", () => {
  it.each([
    ["1 декабря в 15:00", { date: "2026-12-01", time: "15:00" }],
    ["30 Nov 2026 3pm", { date: "2026-11-30", time: "15:00" }],
    ["завтра в 10:30", { date: "2026-11-24", time: "10:30" }],
    ["tomorrow at 9am", { date: "2026-11-24", time: "09:00" }],
    ["25.11 в 15:00", { date: "2026-11-25", time: "15:00" }],
    ["25.11.2026 9:05", { date: "2026-11-25", time: "09:05" }],
    ["2026-11-25T09:30", { date: "2026-11-25", time: "09:30" }],
    ["on friday at 5pm", { date: "2026-11-27", time: "17:00" }],
    ["завтра", { date: "2026-11-24", time: null }],
    ["25.11", { date: "2026-11-25", time: null }],
  ])("%s", (text, expected) => {
    expect(parseUserDateTime(text, MONDAY)).toEqual(expected);
  });

  it("a time alone lands on its next occurrence", () => {
    expect(parseUserDateTime("15:00", MONDAY)).toEqual({ date: "2026-11-23", time: "15:00" }); // it is 12:00
    expect(parseUserDateTime("в 10:00", MONDAY)).toEqual({ date: "2026-11-24", time: "10:00" }); // already past
  });

  it("rejects a numeric date followed by something that is not a time", () => {
    expect(parseUserDateTime("25.11 завтра", MONDAY)).toBeNull();
    expect(parseUserDateTime("25.11 в 25:00", MONDAY)).toBeNull();
  });

  it("rejects garbage and impossible dates", () => {
    expect(parseUserDateTime("31.02.2026 10:00", MONDAY)).toBeNull();
    expect(parseUserDateTime("blah", MONDAY)).toBeNull();
    expect(parseUserDateTime("", MONDAY)).toBeNull();
  });
});

describe("parseUserDate: the end of a period, and what is not a date", () => {
  // Sunday 2026-12-06, 12:00 in Moscow: the day «до конца месяца» was stored as 06.01.2027.
  const DEC6 = { now: new Date("2026-12-06T09:00:00Z"), timezone: "Europe/Moscow" };
  it.each([
    ["до конца месяца", "2026-12-31"],
    ["к концу месяца", "2026-12-31"],
    ["в конце месяца", "2026-12-31"],
    ["до конца года", "2026-12-31"],
    ["by the end of the month", "2026-12-31"],
    ["end of month", "2026-12-31"],
  ])("%s on 6 December → %s", (text, expected) => {
    expect(parseUserDate(text, DEC6)).toBe(expected);
  });

  it("ends the week on its Sunday, and the quarter on its last day", () => {
    expect(parseUserDate("до конца недели", MONDAY)).toBe("2026-11-29");
    expect(parseUserDate("до конца квартала", MONDAY)).toBe("2026-12-31");
  });

  it("takes the end of the month on the team's calendar, not the server's", () => {
    // 30 November 22:00 UTC is already 1 December in Moscow.
    const lateNov = { now: new Date("2026-11-30T22:00:00Z"), timezone: "Europe/Moscow" };
    expect(parseUserDate("до конца месяца", lateNov)).toBe("2026-12-31");
    expect(parseUserDate("до конца месяца", { ...lateNov, timezone: "America/Los_Angeles" })).toBe("2026-11-30");
  });

  it.each(["месяца", "месяц", "недели", "года", "the month"])("a bare unit «%s» is not a date", (text) => {
    expect(parseUserDate(text, DEC6)).toBeNull();
  });

  it("reads weekdays in the dative: «к пятнице», «к среде»", () => {
    expect(parseUserDate("к пятнице", MONDAY)).toBe("2026-11-27");
    expect(parseUserDate("к среде", MONDAY)).toBe("2026-11-25");
  });
});
