import type { I18n } from "@grammyjs/i18n";
import type { Config } from "../platform/config.js";
import type { Db } from "../db/client.js";
import type { teams } from "../db/schema.js";
import type { BotContext } from "../bot/context.js";
import type { Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";

export type Team = typeof teams.$inferSelect;

/** What a job needs: no Telegram here — jobs only decide and enqueue into the outbox. */
export interface JobDeps {
  db: Db;
  i18n: I18n<BotContext>;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** The bot's username, for links in messages (invite links, deep links). */
  botUsername: string;
}
