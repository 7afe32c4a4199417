import { run, type RunnerHandle } from "@grammyjs/runner";
import dotenv from "dotenv";
import { ConfigError, loadConfig } from "./config.js";
import { closeDatabase, openDatabase } from "./db/client.js";
import { registerCommandMenu } from "./bot/command-menu.js";
import { createBot } from "./bot/index.js";
import { handleUnfinishedUpdates } from "./bot/unfinished-updates.js";
import { clockFor } from "./domain/clock.js";
import { createLogger } from "./logger.js";
import { startBackgroundWork } from "./background.js";

dotenv.config({ quiet: true });

function readConfig() {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

const config = readConfig();
const logger = createLogger(config.logLevel, config.botToken);
const db = openDatabase(config.databasePath);
const clock = clockFor(config);
const bot = createBot(config, { db, clock, logger });

try {
  await bot.init();
} catch (err) {
  logger.fatal({ err }, "the Bot API did not accept the token or could not be reached");
  console.error("Could not start: the Bot API did not accept BOT_TOKEN or is unreachable (see the log above).");
  closeDatabase(db);
  process.exit(1);
}
await handleUnfinishedUpdates(bot, { db, clock, logger });
registerCommandMenu(bot.api, bot.i18n).catch((err) => logger.warn({ err }, "could not register the command menu"));

const background = startBackgroundWork({ config, db, logger, api: bot.api, i18n: bot.i18n, clock, botUsername: bot.botInfo.username });
const runner: RunnerHandle = run(bot, {
  runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } },
});
logger.info({ bot: bot.botInfo.username, database: config.databasePath }, "bot started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing updates in flight");
  // Polling stops first and in-flight updates finish; then cron and the sender; the database last.
  if (runner.isRunning()) await runner.stop();
  await bot.inFlight.idle(); // stop() only stops fetching; what was fetched finishes and saves its state
  await background.stop();
  closeDatabase(db);
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
