import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, DEFAULT_DATABASE_PATH, loadConfig, loadDatabaseConfig, readEnvFile } from "../../src/platform/config.js";

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

describe("the .env file", () => {
  const names = ["RF_ENV_FROM_FILE", "RF_ENV_SET_BEFORE", "RF_ENV_QUOTED"];
  const dir = mkdtempSync(join(tmpdir(), "env-file-"));
  const cleanUp = () => names.forEach((n) => delete process.env[n]);

  it("is read into the environment, and a variable already set wins over it", () => {
    const file = join(dir, "one.env");
    writeFileSync(file, 'RF_ENV_FROM_FILE=file\nRF_ENV_SET_BEFORE=file\nRF_ENV_QUOTED="a # b"\n');
    process.env.RF_ENV_SET_BEFORE = "environment";
    try {
      readEnvFile(file);
      expect(process.env.RF_ENV_FROM_FILE).toBe("file");
      expect(process.env.RF_ENV_SET_BEFORE).toBe("environment");
      expect(process.env.RF_ENV_QUOTED).toBe("a # b");
    } finally {
      cleanUp();
    }
  });

  it("may be absent; one that cannot be read is a configuration error", () => {
    expect(() => readEnvFile(join(dir, "absent.env"))).not.toThrow();
    mkdirSync(join(dir, "a-folder.env"));
    expect(() => readEnvFile(join(dir, "a-folder.env"))).toThrow(ConfigError);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the command-line tools' configuration", () => {
  it("needs no token and has the bot's default database path", () => {
    expect(loadDatabaseConfig({})).toEqual({ databasePath: DEFAULT_DATABASE_PATH });
    expect(loadDatabaseConfig({ DATABASE_PATH: "/data/x.sqlite" })).toEqual({ databasePath: "/data/x.sqlite" });
    expect(loadConfig({ BOT_TOKEN: "123:abc" }).databasePath).toBe(DEFAULT_DATABASE_PATH);
    expect(() => loadDatabaseConfig({ DATABASE_PATH: "   " })).toThrow(ConfigError);
  });
});
