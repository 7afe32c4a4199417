import { IANAZone } from "luxon";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "is required (get one from @BotFather)" })
    .trim()
    .regex(/^\d+:[\w-]+$/, "does not look like a bot token (expected 123456:ABC...)"),
  DATABASE_PATH: z.string().trim().min(1).default("./data/handover.sqlite"),
  BOT_API_ROOT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default("Europe/Moscow")
    .refine((tz) => IANAZone.isValidZone(tz), "must be an IANA time zone such as Europe/Moscow"),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(", ")}` }).default("info"),
  // Test-only: process-level tests pin the program's day so a scenario never depends on the real calendar.
  TEST_CLOCK_START: z.iso.datetime({ offset: true, error: "must be an ISO date-time with an offset, e.g. 2026-11-23T09:00:00+03:00" }).optional(),
  NODE_ENV: z.string().optional(),
}).refine((e) => !(e.TEST_CLOCK_START && e.NODE_ENV === "production"), {
  path: ["TEST_CLOCK_START"],
  error: "is for tests only and is refused when NODE_ENV=production",
});

export interface Config {
  botToken: string;
  databasePath: string;
  /** Root of the Bot API server; Telegram's own when not set. */
  apiRoot: string;
  defaultTimezone: string;
  logLevel: (typeof logLevels)[number];
  /** Test-only: the instant the program's clock starts from (TEST_CLOCK_START). */
  clockStart?: Date;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value gives one line naming the variable (never its value). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Configuration error: ${issues.join("; ")}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    databasePath: e.DATABASE_PATH,
    apiRoot: e.BOT_API_ROOT ?? "https://api.telegram.org",
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    ...(e.TEST_CLOCK_START ? { clockStart: new Date(e.TEST_CLOCK_START) } : {}),
  };
}
