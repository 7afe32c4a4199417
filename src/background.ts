import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { BotContext } from "./bot/context.js";
import type { Clock } from "./domain/clock.js";
import type { Logger } from "./logger.js";

export interface BackgroundDeps {
  config: Config;
  db: Db;
  logger: Logger;
  api: Api;
  i18n: I18n<BotContext>;
  clock: Clock;
}

/** Cron jobs and the outbox sender: started after the bot, stopped before the database closes. */
export function startBackgroundWork(_deps: BackgroundDeps): { stop(): Promise<void> } {
  return { stop: async () => undefined };
}
