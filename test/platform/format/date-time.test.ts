import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "../../../src/platform/format/date-time.js";

const at = (iso: string) => new Date(iso).getTime();

describe("an instant on the team's wall clock", () => {
  it("writes the day as formatDay does, then the time", () => {
    expect(formatDateTime(at("2026-11-23T11:05:00Z"), "Europe/Moscow", "ru", "2026-11-23")).toBe("23.11 14:05");
    expect(formatDateTime(at("2026-11-23T11:05:00Z"), "Europe/Moscow", "en", "2026-11-23")).toBe("23 Nov 14:05");
    expect(formatDateTime(at("2025-12-31T20:59:00Z"), "Europe/Moscow", "ru", "2026-01-01")).toBe("31.12.2025 23:59");
    expect(formatDateTime(at("2026-11-23T11:05:00Z"), "Europe/Moscow", "en")).toBe("23 Nov 2026 14:05");
  });

  it("places the instant on the team's calendar, not the machine's (UTC−8 and UTC+14 included)", () => {
    const instant = at("2026-11-23T07:30:00Z");
    expect(formatDateTime(instant, "America/Los_Angeles", "en", "2026-11-22")).toBe("22 Nov 23:30");
    expect(formatDateTime(instant, "Pacific/Kiritimati", "ru", "2026-11-23")).toBe("23.11 21:30");
    expect(formatTime(at("2026-11-23T21:00:00Z"), "Europe/Moscow")).toBe("00:00");
  });
});
