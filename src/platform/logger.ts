import { pino, type Logger } from "pino";

export type { Logger };

/** Logs carry ids and counts, never client names, phones or notes; the token is redacted wherever it hides. */
export function createLogger(level: string, botToken?: string): Logger {
  return pino({
    level,
    redact: { paths: ["token", "*.token", "config.botToken", "botToken"], censor: "[redacted]" },
    hooks: botToken
      ? {
          logMethod(args, method) {
            const scrubbed = args.map((a) => scrubToken(a, botToken));
            return method.apply(this, scrubbed as Parameters<typeof method>);
          },
        }
      : undefined,
    serializers: { err: (err: unknown) => scrubToken(pino.stdSerializers.err(err as Error), botToken) },
  });
}

function scrubToken<T>(value: T, token: string | undefined): T {
  if (!token) return value;
  if (typeof value === "string") return value.split(token).join("[token]") as T;
  if (value && typeof value === "object") {
    return JSON.parse(JSON.stringify(value).split(token).join("[token]")) as T;
  }
  return value;
}
