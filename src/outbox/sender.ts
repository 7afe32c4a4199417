import { and, asc, eq, lte } from "drizzle-orm";
import { GrammyError, InputFile, type Api } from "grammy";
import type { Db } from "../db/client.js";
import { notifications } from "../db/schema.js";
import type { Clock } from "../domain/clock.js";
import type { Logger } from "../logger.js";

export interface SenderDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
}

type Notification = typeof notifications.$inferSelect;

/**
 * Sends what is due in the outbox, oldest first, once each; returns how many were sent.
 * (A first, simple drain: rate limits, 403 handling and backoff are the nags issue's work.)
 */
export async function drainOutbox(deps: SenderDeps, limit = 1000): Promise<number> {
  const due = deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.status, "pending"), lte(notifications.notBefore, deps.clock.now().getTime())))
    .orderBy(asc(notifications.id))
    .limit(limit)
    .all();
  let sent = 0;
  for (const n of due) {
    try {
      await send(deps.api, n);
      deps.db.update(notifications).set({ status: "sent", sentAt: deps.clock.now().getTime(), attempts: n.attempts + 1 }).where(eq(notifications.id, n.id)).run();
      sent += 1;
    } catch (err) {
      const reason = err instanceof GrammyError ? `${err.error_code} ${err.description}` : String(err);
      deps.logger.warn({ notificationId: n.id, reason }, "notification not sent");
      deps.db.update(notifications).set({ status: "failed", lastError: reason, attempts: n.attempts + 1 }).where(eq(notifications.id, n.id)).run();
    }
  }
  return sent;
}

export async function send(api: Api, n: Notification): Promise<void> {
  const { method, ...rest } = n.payload as { method: string } & Record<string, unknown>;
  if (method === "sendDocument") {
    const { fileName, contentBase64, caption, reply_markup } = rest as {
      fileName: string;
      contentBase64: string;
      caption: string;
      reply_markup?: never;
    };
    await api.sendDocument(n.chatId, new InputFile(Buffer.from(contentBase64, "base64"), fileName), {
      caption,
      ...(reply_markup ? { reply_markup } : {}),
    });
    return;
  }
  await api.sendMessage(n.chatId, String(rest.text), rest as never);
}
