import type { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import type { Config } from "../../platform/config.js";
import type { Actor, BotContext, BotHooks, BotRules, Deps } from "../context.js";
import { escapeVars } from "../../platform/html.js";

/** Puts config, dependencies, the capabilities' rules and hooks and a per-update logger on the context. */
export function contextExtras(config: Config, deps: Deps, i18n: I18n<BotContext>, rules: BotRules, hooks: BotHooks): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.config = config;
    ctx.deps = deps;
    ctx.rules = rules;
    ctx.hooks = hooks;
    ctx.i18nInstance = i18n;
    // The child logger is made on first use: most updates never log.
    let log: Deps["logger"] | undefined;
    Object.defineProperty(ctx, "log", {
      configurable: true,
      get: () => (log ??= deps.logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id })),
    });
    return next();
  };
}

/**
 * Resolves who is talking (the team's rule: team/actor.ts); a bot or an update without a sender is nobody.
 * A lead being offboarded runs nothing (the leaver's rights, handover/leaver-access.ts): whatever the
 * terms, from the handover's start a lead acts as a manager (`actingMember`, the rule call cards and
 * outcomes apply too), here, once for every command, tap and dialogue step, so the person pushed out
 * cannot administer the team.
 */
export const loadActor: MiddlewareFn<BotContext> = (ctx, next) => {
  const from = ctx.from;
  const nobody: Actor = { user: null, member: null, team: null, locale: "ru", leadSuspended: false };
  if (!from || from.is_bot) {
    ctx.actor = nobody;
    return next();
  }
  const actor = ctx.rules.actorOf(ctx.deps.db, from, ctx.chat, ctx.deps.clock.now());
  const acting = actor.member && ctx.rules.actingMember(actor.member);
  ctx.actor = { ...actor, member: acting, leadSuspended: acting !== actor.member };
  return next();
};

/** Wraps ctx.t so every variable is HTML-escaped (see html.ts for the `...Html` exception). */
export const escapeTranslations: MiddlewareFn<BotContext> = (ctx, next) => {
  const t = ctx.t.bind(ctx);
  const safe: typeof ctx.t = (key, vars) => t(key, vars ? escapeVars(vars) : undefined);
  ctx.t = safe;
  ctx.translate = safe;
  return next();
};
