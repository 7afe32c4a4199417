import { and, eq } from "drizzle-orm";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { notifications } from "../db/schema.js";

export interface OutgoingMessage {
  chatId: number;
  teamId?: number | null;
  memberId?: number | null;
  /** What the message is about (digest, nag, handover_received...): for /status and logs. */
  kind: string;
  /** Same key = same message: enqueuing it twice sends it once (e.g. `digest:<member>:<date>`). */
  dedupeKey: string;
  /** HTML, variables already escaped (use the translator from bot/i18n.ts). */
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
  /** A file to send instead of a plain message; `text` becomes its caption. */
  document?: { fileName: string; content: Buffer };
  /**
   * A picture (PNG) to send instead of a plain message; `text` becomes its caption. Either its bytes, or a
   * registered renderer's name and JSON arguments: drawn by the sender (outbox/photo-renderers.ts).
   */
  photo?: { fileName: string; content: Buffer } | { fileName: string; renderer: string; args: unknown };
  /** Not before this instant (epoch ms); default now. */
  notBefore?: number;
}

/**
 * The INSERT, prepared once per connection: a nag run enqueues thousands of messages and building each
 * through the query builder cost more than the write itself (outbox and digest benches). On the connection
 * under the database or the drizzle transaction: inside a transaction it takes part in that transaction.
 */
const preparedInsert = preparedOnce((_db, sqlite) =>
  sqlite.prepare<unknown[]>(
    `INSERT INTO notifications (chat_id, team_id, member_id, kind, dedupe_key, payload, status, attempts, not_before, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  ),
);

/** Stores a message for the sender. Returns false when the same dedupe key was already stored. */
export function enqueue(db: DbOrTx, message: OutgoingMessage, now: Date): boolean {
  const payload: Record<string, unknown> = message.photo
    ? "content" in message.photo
      ? { method: "sendPhoto", caption: message.text, fileName: message.photo.fileName, contentBase64: message.photo.content.toString("base64") }
      : { method: "sendPhoto", caption: message.text, fileName: message.photo.fileName, renderer: message.photo.renderer, args: message.photo.args }
    : message.document
    ? {
        method: "sendDocument",
        caption: message.text,
        fileName: message.document.fileName,
        contentBase64: message.document.content.toString("base64"),
      }
    : { method: "sendMessage", text: message.text, link_preview_options: { is_disabled: true } };
  if (message.replyMarkup) payload.reply_markup = message.replyMarkup;
  const { changes } = preparedInsert(db).run(
    message.chatId,
    message.teamId ?? null,
    message.memberId ?? null,
    message.kind,
    message.dedupeKey,
    JSON.stringify(payload),
    message.notBefore ?? now.getTime(),
    now.getTime(),
  );
  return changes > 0;
}

/** A chat that cannot be written to: every message still waiting for it fails with the reason. Returns how many. */
export function failWaiting(db: DbOrTx, chatId: number, reason: string): number {
  return db
    .update(notifications)
    .set({ status: "failed", lastError: reason })
    .where(and(eq(notifications.chatId, chatId), eq(notifications.status, "pending")))
    .returning({ id: notifications.id })
    .all().length;
}
