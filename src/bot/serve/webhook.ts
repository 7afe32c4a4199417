// Webhook mode: Telegram posts updates to WEBHOOK_URL (served by bot/serve/http-server.ts) with our secret header.
import type { HandoverBot } from "../index.js";
import { ALLOWED_UPDATES, type UpdateSource } from "./polling.js";

export async function startWebhook(bot: HandoverBot, webhook: { url: string; secret: string }): Promise<UpdateSource> {
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  // The webhook stays registered on stop: Telegram keeps the updates until the bot is back.
  return { stop: async () => undefined };
}
