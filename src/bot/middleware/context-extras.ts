import type { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import type { Config } from "../../platform/config.js";
import { membershipOf, teamOfGroup, touchUser } from "../../team/teams.js";
import type { Actor, BotContext, Deps } from "../context.js";
import { escapeVars } from "../html.js";
import { localeFromTelegram, type Locale } from "../i18n.js";

/** Puts config, dependencies and a per-update logger on the context. */
export function contextExtras(config: Config, deps: Deps, i18n: I18n<BotContext>): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.config = config;
    ctx.deps = deps;
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
 * Resolves who is talking: their user row, and their membership. In a group linked to a team, only a
 * membership of that team counts, so nobody acts on another team's data from a foreign group.
 */
export const loadActor: MiddlewareFn<BotContext> = (ctx, next) => {
  const { db, clock } = ctx.deps;
  const from = ctx.from;
  let actor: Actor = { user: null, member: null, team: null, locale: "ru" };
  if (from && !from.is_bot) {
    const user = touchUser(db, from, clock.now());
    const membership = membershipOf(db, from.id);
    const locale: Locale = (user.locale as Locale | null) ?? localeFromTelegram(from.language_code);
    actor = { user, member: membership?.member ?? null, team: membership?.team ?? null, locale };
    const chat = ctx.chat;
    if (chat && chat.type !== "private" && membership) {
      const groupTeam = teamOfGroup(db, chat.id);
      if (groupTeam && groupTeam.id !== membership.team.id) actor = { ...actor, member: null, team: null };
    }
  }
  ctx.actor = actor;
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
