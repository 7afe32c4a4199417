import { IANAZone } from "luxon";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Where the database lives unless DATABASE_PATH says otherwise: the one default for the bot and every CLI. */
export const DEFAULT_DATABASE_PATH = "./data/handover.sqlite";
const databasePath = z.string().trim().min(1).default(DEFAULT_DATABASE_PATH);

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "is required (get one from @BotFather)" })
    .trim()
    .regex(/^\d+:[\w-]+$/, "does not look like a bot token (expected 123456:ABC...)"),
  DATABASE_PATH: databasePath,
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
  WEBHOOK_URL: z.url({ protocol: /^https$/, error: "must be an https URL (Telegram only calls webhooks over HTTPS)" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535, "must be a port number").optional(),
  BACKUP_HOUR: z.coerce.number({ error: "must be an hour from 0 to 23" }).int().min(0).max(23, "must be an hour from 0 to 23").default(3),
  BACKUP_KEEP: z.coerce.number({ error: "must be a whole number of copies (0 turns backups off)" }).int().min(0).default(14),
  // Test-only: process-level tests pin the program's day so a scenario never depends on the real calendar.
  TEST_CLOCK_START: z.iso.datetime({ offset: true, error: "must be an ISO date-time with an offset, e.g. 2026-11-23T09:00:00+03:00" }).optional(),
  NODE_ENV: z.string().optional(),
})
  .refine((e) => !(e.TEST_CLOCK_START && e.NODE_ENV === "production"), {
    path: ["TEST_CLOCK_START"],
    error: "is for tests only and is refused when NODE_ENV=production",
  })
  .refine((e) => !e.WEBHOOK_URL || e.WEBHOOK_SECRET, {
    path: ["WEBHOOK_SECRET"],
    error: "is required with WEBHOOK_URL (Telegram sends it with every update, so strangers cannot post updates)",
  });

export interface Config {
  botToken: string;
  databasePath: string;
  /** Root of the Bot API server; Telegram's own when not set. */
  apiRoot: string;
  defaultTimezone: string;
  logLevel: (typeof logLevels)[number];
  /** Webhook mode when set: Telegram posts updates to this https URL; long polling otherwise. */
  webhook?: { url: string; secret: string };
  /** Where the webhook and /healthz are served; 8080 in webhook mode, off in polling mode unless set. */
  port?: number;
  /** Daily online backup next to the database: the local hour (DEFAULT_TIMEZONE) and how many copies to keep (0 = off). */
  backup: { hour: number; keep: number };
  /** Test-only: the instant the program's clock starts from (TEST_CLOCK_START). */
  clockStart?: Date;
}

export class ConfigError extends Error {}

/**
 * Reads `.env` in the working directory into `process.env` when there is one (Node's own reader); a
 * variable already set in the environment wins over the file. A file that is there but cannot be read is
 * a ConfigError, told in one line like any other configuration problem.
 */
export function readEnvFile(path = ".env"): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    throw new ConfigError(`Configuration error: ${path} cannot be read (${code ?? (err as Error).message})`);
  }
}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Configuration error: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** For the command-line tools that only open the database (migrate, backup, import): no token needed. */
export function loadDatabaseConfig(env: Record<string, string | undefined>): { databasePath: string } {
  return { databasePath: parse(z.object({ DATABASE_PATH: databasePath }), env).DATABASE_PATH };
}

/** Reads the environment once; a bad value gives one line naming the variable (never its value). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const e = parse(schema, env);
  return {
    botToken: e.BOT_TOKEN,
    databasePath: e.DATABASE_PATH,
    apiRoot: e.BOT_API_ROOT ?? "https://api.telegram.org",
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    ...(e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } } : {}),
    ...(e.PORT !== undefined ? { port: e.PORT } : e.WEBHOOK_URL ? { port: 8080 } : {}),
    backup: { hour: e.BACKUP_HOUR, keep: e.BACKUP_KEEP },
    ...(e.TEST_CLOCK_START ? { clockStart: new Date(e.TEST_CLOCK_START) } : {}),
  };
}
