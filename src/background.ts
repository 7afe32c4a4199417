import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "./platform/config.js";
import type { Db } from "./db/client.js";
import type { BotContext } from "./bot/context.js";
import { createI18n } from "./bot/i18n.js";
import type { Clock } from "./platform/clock.js";
import type { Translations } from "./platform/locale.js";
import { startCheckpointer, type Checkpointer } from "./db/checkpointer.js";
import { startDailyBackups } from "./db/daily-backup.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { Logger } from "./platform/logger.js";
import type { DeliveryHooks } from "./outbox/delivery.js";
import { startSender, type SenderHandle, type SenderOptions } from "./outbox/sender.js";
import { DROPPED_LEAVER, mayNotify } from "./handover/leaver-access.js";
import { reportUnreachableNow } from "./nags/unreachable-nag-job.js";

export interface BackgroundDeps {
  config: Config;
  db: Db;
  logger: Logger;
  api: Api;
  i18n: I18n<BotContext>;
  clock: Clock;
  /** The bot's username (for invite links in messages); asked from getMe when absent. */
  botUsername?: string;
  sender?: SenderOptions;
}

/**
 * Cron jobs, the outbox sender and the WAL checkpoints (a worker thread, src/db/checkpointer.ts): started
 * after the bot, stopped before the database closes. The scheduler's first tick at start makes up a run
 * missed while the bot was down.
 */
export function startBackgroundWork(deps: BackgroundDeps): { stop(): Promise<void>; checkpoints: Checkpointer } {
  const { db, logger, api, i18n, clock, config } = deps;
  let stopped = false;
  let scheduler: Scheduler | null = null;
  let sender: SenderHandle | null = null;
  const checkpoints = startCheckpointer(db, config.databasePath, { logger });
  const backups = startDailyBackups({ databasePath: config.databasePath, timezone: config.defaultTimezone, backup: config.backup, clock, logger });

  const ready = (async () => {
    const botUsername = deps.botUsername ?? (await api.getMe()).username;
    if (stopped) return;
    sender = startSender({ db, api, clock, logger, hooks: deliveryHooks({ db, api, logger, i18n, botUsername }) }, deps.sender);
    scheduler = createScheduler({ db, i18n, clock, logger, config, botUsername });
    scheduler.start();
    logger.info("scheduler and outbox sender started");
  })().catch((err) => logger.error({ err }, "could not start the scheduler and the sender"));

  return {
    checkpoints,
    async stop() {
      stopped = true;
      await ready;
      await scheduler?.stop();
      await backups.stop();
      // The message in flight is finished and recorded; the rest stays pending for the next start.
      await sender?.stop();
      // Last: the writes above may still need checkpointing (the connection does it itself from here on).
      await checkpoints.stop();
    },
  };
}

/**
 * What the capabilities decide about a delivery, for the outbox sender (which knows none of them): a
 * leaver gets only what the access rule still allows them (handover/leaver-access.ts), and a chat found
 * unreachable is reported to the leads at once (nags/unreachable-nag-job.ts). `api` learns the bot's
 * username for the invite link when it is not given.
 */
export function deliveryHooks(deps: { db: Db; logger: Logger; api?: Api; i18n?: Translations; botUsername?: string }): DeliveryHooks {
  const { db, logger } = deps;
  let i18n = deps.i18n;
  let username = deps.botUsername || undefined;
  const botUsername = async (): Promise<string> => {
    if (username) return username;
    try {
      username = deps.api ? (await deps.api.getMe()).username : undefined;
    } catch (err) {
      logger.warn({ err }, "could not learn the bot's username for an invite link");
    }
    return username ?? "";
  };
  return {
    dropReason: (n, now) => (mayNotify(db, n.memberId, n.kind, now) ? null : DROPPED_LEAVER),
    async unreachable(chat) {
      i18n ??= createI18n(() => "ru");
      return reportUnreachableNow({ db, i18n, botUsername: await botUsername(), logger }, chat);
    },
  };
}
