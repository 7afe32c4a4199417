// npm run job -- <name> [--team <id>]: runs one job once, now (whatever the hour), then sends what the
// outbox holds, within Telegram's limits, and exits. For operators and for checking a job by hand.
import { Api } from "grammy";
import { ConfigError, loadConfig, readEnvFile } from "../platform/config.js";
import { closeDatabase, openDatabase } from "../db/client.js";
import { clockFor } from "../platform/clock.js";
import { createI18n } from "../bot/i18n.js";
import type { BotContext } from "../bot/context.js";
import { teamLines } from "../team/team-list.js";
import { findJob, jobNames, runJobNow, UnknownJobError } from "../jobs/scheduler.js";
import { createLogger } from "../platform/logger.js";
import { drainUntilIdle } from "../outbox/sender.js";
import { deliveryHooks } from "../background.js";

const usage = `usage: npm run job -- <name> [--team <id>]\njobs: ${jobNames().join(", ")}`;

function parseArgs(argv: string[]): { name: string; teamId?: number } {
  const rest = [...argv];
  let teamId: number | undefined;
  const at = rest.indexOf("--team");
  if (at >= 0) {
    const value = Number(rest[at + 1]);
    if (!Number.isInteger(value) || value <= 0) throw new Error("--team needs a team id (a positive whole number)");
    teamId = value;
    rest.splice(at, 2);
  }
  const name = rest.find((a) => !a.startsWith("-"));
  if (!name || rest.length !== 1) throw new Error(usage);
  return teamId === undefined ? { name } : { name, teamId };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  if (!findJob(args.name)) {
    console.error(`unknown job "${args.name}"\n${usage}`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    readEnvFile();
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, config.botToken);
  const db = openDatabase(config.databasePath);
  const clock = clockFor(config);
  try {
    // Short timeouts: an operator's run must end even when the Bot API cannot be reached (what was not
    // sent stays in the outbox for the bot's own sender).
    const api = new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 15 });
    // Only the invite links of the unreachable-people report need the bot's username; the sender asks
    // for it itself if a 403 needs one.
    const botUsername = args.name === "unreachable-nag" ? (await api.getMe()).username : "";
    const i18n = createI18n<BotContext>(() => "ru");
    const deps = { db, i18n, clock, logger, config, botUsername };
    const result = runJobNow(deps, args.name, args.teamId === undefined ? {} : { teamId: args.teamId });
    if (args.teamId !== undefined && result.teams === 0) {
      console.error(`no team with id ${args.teamId}`);
      return 1;
    }
    console.log(`${args.name}: ${result.enqueued} message(s) enqueued for ${result.teams} team(s)`);
    if (args.teamId === undefined) for (const line of teamLines(db)) console.log(line);
    const stats = await drainUntilIdle({ db, api, clock, logger, hooks: deliveryHooks({ db, api, logger, i18n, botUsername }) });
    console.log(`outbox: sent ${stats.sent}, failed ${stats.failed}, retrying later ${stats.retried}, recipients unreachable ${stats.unreachable}`);
    return 0;
  } catch (err) {
    if (err instanceof UnknownJobError) {
      console.error(`${err.message}\n${usage}`);
      return 2;
    }
    logger.error({ err }, "job failed");
    console.error(`job failed: ${(err as Error).message}`);
    return 1;
  } finally {
    closeDatabase(db);
  }
}

process.exitCode = await main();
