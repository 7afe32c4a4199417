import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/platform/config.js";

const token = "123:abc-DEF_ghi";

describe("configuration", () => {
  it("applies defaults", () => {
    const config = loadConfig({ BOT_TOKEN: token });
    expect(config).toEqual({
      botToken: token,
      databasePath: "./data/handover.sqlite",
      apiRoot: "https://api.telegram.org",
      defaultTimezone: "Europe/Moscow",
      logLevel: "info",
      backup: { hour: 3, keep: 14 },
    });
  });

  it("lets a process-level test pin the program's clock", () => {
    const config = loadConfig({ BOT_TOKEN: token, TEST_CLOCK_START: "2026-11-23T10:00:00+03:00" });
    expect(config.clockStart?.toISOString()).toBe("2026-11-23T07:00:00.000Z");
  });

  it("takes a local Bot API root without a trailing slash", () => {
    expect(loadConfig({ BOT_TOKEN: token, BOT_API_ROOT: "http://localhost:8081/" }).apiRoot).toBe("http://localhost:8081");
  });

  it.each([
    [{}, "BOT_TOKEN is required"],
    [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN does not look like a bot token"],
    [{ BOT_TOKEN: token, DEFAULT_TIMEZONE: "Moscow" }, "DEFAULT_TIMEZONE must be an IANA time zone"],
    [{ BOT_TOKEN: token, BOT_API_ROOT: "ftp://x" }, "BOT_API_ROOT must be an http(s) URL"],
    [{ BOT_TOKEN: token, LOG_LEVEL: "loud" }, "LOG_LEVEL must be one of"],
    [{ BOT_TOKEN: token, TEST_CLOCK_START: "monday" }, "TEST_CLOCK_START must be an ISO date-time"],
    [{ BOT_TOKEN: token, TEST_CLOCK_START: "2026-11-23T10:00:00+03:00", NODE_ENV: "production" }, "TEST_CLOCK_START is for tests only"],
  ])("refuses %j with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("never repeats a token in its messages", () => {
    const secret = "123:this-is-secret";
    try {
      loadConfig({ BOT_TOKEN: secret, DEFAULT_TIMEZONE: "nowhere" });
    } catch (err) {
      expect(String(err)).not.toContain(secret);
    }
  });
});
