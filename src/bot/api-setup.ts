import { autoRetry } from "@grammyjs/auto-retry";
import type { Api, Transformer } from "grammy";
import { noInviteLinksInGroups } from "./group-policy.js";

const htmlMethods = new Set([
  "sendMessage",
  "editMessageText",
  "sendDocument",
  "sendPhoto",
  "editMessageCaption",
  "copyMessage",
]);

/** Every text we send is HTML with escaped variables, so HTML is the default parse mode. */
const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  if (htmlMethods.has(method) && payload && typeof payload === "object") {
    const p = payload as Record<string, unknown>;
    const hasText = "text" in p || "caption" in p;
    if (hasText && p.parse_mode === undefined && p.entities === undefined && p.caption_entities === undefined) {
      return prev(method, { ...p, parse_mode: "HTML" } as unknown as typeof payload, signal);
    }
  }
  return prev(method, payload, signal);
};

/**
 * Installs our transformers on an Api. Called once for bot.api and once per conversation context,
 * because @grammyjs/conversations builds a fresh Api for each replay.
 */
export function configureApi(api: Api): void {
  // Network errors are not retried here: the outbox sender and the polling loop retry them at their own
  // pace, and a reply retried with auto-retry's back-off (up to an hour) would keep a stop waiting.
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowInternalServerErrors: false, rethrowHttpErrors: true }));
  api.config.use(htmlByDefault);
  api.config.use(noInviteLinksInGroups);
}
