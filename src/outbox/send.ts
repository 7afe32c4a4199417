// One stored notification → the Bot API call it describes (a message, a document, or a picture drawn now).
import { Api, InputFile } from "grammy";
import type { notifications } from "../db/schema.js";
import { photoRenderer } from "./photo-renderers.js";

export type Notification = typeof notifications.$inferSelect;

/** Sends one stored notification (as the Bot API call it describes). */
export async function send(api: Api, n: Notification): Promise<void> {
  const { method, ...rest } = n.payload as { method: string } & Record<string, unknown>;
  if (method === "sendPhoto") {
    const { fileName, contentBase64, renderer, args, caption, reply_markup } = rest as { fileName: string; contentBase64?: string; renderer?: string; args?: unknown; caption: string; reply_markup?: never };
    const bytes = contentBase64 !== undefined ? Buffer.from(contentBase64, "base64") : await photoRenderer(String(renderer))(args);
    await api.sendPhoto(n.chatId, new InputFile(bytes, fileName), { caption, parse_mode: "HTML", ...(reply_markup ? { reply_markup } : {}) });
    return;
  }
  if (method === "sendDocument") {
    const { fileName, contentBase64, caption, reply_markup } = rest as {
      fileName: string;
      contentBase64: string;
      caption: string;
      reply_markup?: never;
    };
    await api.sendDocument(n.chatId, new InputFile(Buffer.from(contentBase64, "base64"), fileName), {
      caption,
      parse_mode: "HTML",
      ...(reply_markup ? { reply_markup } : {}),
    });
    return;
  }
  const { text, ...other } = rest as { text: unknown } & Record<string, unknown>;
  const html = other.parse_mode === undefined && other.entities === undefined ? { parse_mode: "HTML" as const } : {};
  await api.sendMessage(n.chatId, String(text), { ...html, ...other } as never);
}

/**
 * The bot's Api retries 429s and network errors by sleeping inside the call (auto-retry); the sender
 * decides those itself, by the clock, so it calls through a plain Api on the same client options.
 */
const plainApis = new WeakMap<Api, Api>();
export function plainApi(api: Api): Api {
  let plain = plainApis.get(api);
  if (!plain) {
    // A call that hangs holds a place in flight: give up on it after a minute (then it is retried).
    plain = new Api(api.token, { ...api.options, timeoutSeconds: api.options?.timeoutSeconds ?? 60 });
    plainApis.set(api, plain);
  }
  return plain;
}
