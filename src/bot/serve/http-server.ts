// The bot's HTTP side: Telegram's webhook (webhook mode) and GET /healthz (whenever PORT is set).
import { createServer, type Server } from "node:http";
import { webhookCallback } from "grammy";
import type { Db } from "../../db/client.js";
import { readHealth } from "../../db/health.js";
import type { Logger } from "../../platform/logger.js";
import type { HandoverBot } from "../index.js";

/**
 * grammY answers Telegram when the update is handled, or after this long with the handling going on
 * ("return"): a slow import never holds the webhook's reply past Telegram's patience, and the update is
 * already written down (received_updates), so nothing is lost if the process stops meanwhile.
 */
export const WEBHOOK_REPLY_WITHIN_MS = 8_000;

export interface HttpOptions {
  port: number;
  db: Db;
  logger: Logger;
  /** Serves Telegram's POSTs on the URL's path when set. */
  webhook?: { bot: HandoverBot; url: string; secret: string };
}

export async function startHttpServer(options: HttpOptions): Promise<{ server: Server; close(): Promise<void> }> {
  const { db, logger, webhook } = options;
  const webhookPath = webhook ? new URL(webhook.url).pathname : null;
  const handleWebhook = webhook
    ? webhookCallback(webhook.bot, "http", { secretToken: webhook.secret, onTimeout: "return", timeoutMilliseconds: WEBHOOK_REPLY_WITHIN_MS })
    : null;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === "/healthz") {
      let body: string;
      try {
        body = JSON.stringify({ db: "ok", ...readHealth(db) });
      } catch (err) {
        logger.error({ err }, "health check: the database cannot be read");
        res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ db: "unreadable" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(body);
      return;
    }
    if (handleWebhook && req.method === "POST" && path === webhookPath) {
      handleWebhook(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  return {
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
