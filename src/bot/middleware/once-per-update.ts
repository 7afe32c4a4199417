import type { Middleware } from "grammy";
import type { Db } from "../../db/client.js";
import { markUpdateHandled, receiveUpdate } from "../../db/received-updates.js";
import type { Clock } from "../../platform/clock.js";
import type { BotContext } from "../context.js";

/**
 * Each update is handled once, and none is lost. It is written down before anything is sent, so a
 * person's answer survives a crash in the middle of its handling (the bot handles it at the next start:
 * `handleUnfinishedUpdates`); it is marked done after its handling, dialogue state included, so the
 * updates Telegram sends again after a stop are not answered twice (a restarted dialogue would seem to
 * go back one question).
 */
export function oncePerUpdate(db: Db, clock: Clock): Middleware<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!receiveUpdate(db, ctx.update, clock.now().getTime())) return;
    try {
      await next();
    } finally {
      // A failure was logged and answered; only a crash leaves the update for the next start.
      markUpdateHandled(db, id, clock.now().getTime());
    }
  };
}
