// Start: config → the Bot API answers → database (migrate) → bot → updates (polling or webhook) → background.
// One shutdown path, bounded in time whatever the network does.
import { ConfigError, loadConfig, readEnvFile } from "./platform/config.js";
import { closeDatabase, openDatabase } from "./db/client.js";
import { checkBotApi } from "./bot/serve/check-bot-api.js";
import { registerCommandMenu } from "./bot/command-menu.js";
import { startHttpServer } from "./bot/serve/http-server.js";
import { createBot } from "./bot/index.js";
import { startPolling, type UpdateSource } from "./bot/serve/polling.js";
import { handleUnfinishedUpdates } from "./bot/serve/unfinished-updates.js";
import { startWebhook } from "./bot/serve/webhook.js";
import { clockFor } from "./platform/clock.js";
import { createLogger } from "./platform/logger.js";
import { startBackgroundWork } from "./background.js";

/** SIGTERM ends the process within this, even with updates or messages stuck on a dead network. */
const STOP_WITHIN_MS = 12_000;

function readConfig() {
  try {
    readEnvFile();
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

const check = await checkBotApi(config.botToken, config.apiRoot);
if (!check.ok) {
  console.error(check.message);
  process.exit(1);
}

const db = openDatabase(config.databasePath);
const clock = clockFor(config);
const bot = createBot(config, { db, clock, logger, botInfo: check.me });
await handleUnfinishedUpdates(bot, { db, clock, logger });
registerCommandMenu(bot.api, bot.i18n).catch((err) => logger.warn({ err }, "could not register the command menu"));

const background = startBackgroundWork({ config, db, logger, api: bot.api, i18n: bot.i18n, clock, botUsername: check.me.username });
const http = config.port !== undefined
  ? await startHttpServer({ port: config.port, db, logger, ...(config.webhook ? { webhook: { bot, ...config.webhook } } : {}) })
  : null;
const updates: UpdateSource = config.webhook
  ? await startWebhook(bot, config.webhook)
  : await startPolling(bot, logger, config.apiRoot, (line) => {
      console.error(line);
      void shutdown("fatal", 1);
    });
logger.info({ bot: check.me.username, database: config.databasePath, mode: config.webhook ? "webhook" : "polling", port: config.port }, "bot started");

let stopping = false;
async function shutdown(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, "stopping: finishing updates in flight");
  const watchdog = setTimeout(() => {
    logger.warn("could not stop in time; exiting anyway (unfinished updates are handled at the next start)");
    process.exit(code || 1);
  }, STOP_WITHIN_MS);
  watchdog.unref();
  // Updates stop coming first and those in flight finish; then cron and the sender; the database last.
  await updates.stop();
  await http?.close();
  await bot.inFlight.idle(); // the runner's stop() only stops fetching; what was fetched finishes and saves its state
  await background.stop();
  closeDatabase(db);
  logger.info("stopped");
  process.exit(code);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
