import type { Middleware } from "grammy";
import { monotonicMs } from "../../platform/clock.js";
import type { BotContext } from "../context.js";

/**
 * One line per update at debug level: its kind, chat, what it asked for (a command's name or a button's
 * prefix, never the text typed) and how long it took. Personal data stays out.
 */
export const logUpdate: Middleware<BotContext> = async (ctx, next) => {
  if (!ctx.deps.logger.isLevelEnabled("debug")) return next();
  const started = monotonicMs();
  try {
    await next();
  } finally {
    ctx.log.debug({ type: updateKind(ctx), chat_type: ctx.chat?.type, handler: handlerOf(ctx), ms: Math.round(monotonicMs() - started) }, "update");
  }
};

function updateKind(ctx: BotContext): string {
  return Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
}

function handlerOf(ctx: BotContext): string | undefined {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return `button ${data.split(":")[0]}`;
  const command = /^\/([a-z0-9_]+)/i.exec(ctx.message?.text ?? "")?.[1];
  if (command) return `/${command.toLowerCase()}`;
  if (ctx.message?.document) return "file";
  return ctx.message?.text !== undefined ? "text" : undefined;
}
