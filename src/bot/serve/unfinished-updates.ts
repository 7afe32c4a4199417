import type { Db } from "../../db/client.js";
import { unfinishedUpdates } from "../../db/received-updates.js";
import type { Clock } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import type { HandoverBot } from "../index.js";

/** At start, before polling: handles the updates the last run received but did not finish. */
export async function handleUnfinishedUpdates(bot: HandoverBot, deps: { db: Db; clock: Clock; logger: Logger }): Promise<number> {
  const updates = unfinishedUpdates(deps.db, deps.clock.now().getTime());
  for (const update of updates) {
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      deps.logger.error({ err, update_id: update.update_id }, "an unfinished update failed again");
    }
  }
  if (updates.length > 0) deps.logger.info({ count: updates.length }, "handled the updates the last run left unfinished");
  return updates.length;
}
