import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError, Composer, type Middleware } from "grammy";
import type { Config } from "../platform/config.js";
import { sqliteStorage } from "../db/kv-storage.js";
import { configureApi } from "./api-setup.js";
import { routeButtons, ownersOf } from "./button-routes.js";
import type { Capability } from "./capability.js";
import type { BotContext, BotHooks, BotRules, ConvContext, Deps } from "./context.js";
import { unhandledFeature } from "./unhandled.js";
import { createI18n } from "./i18n.js";
import { groupPolicy } from "./group-policy.js";
import { contextExtras, escapeTranslations, loadActor } from "./middleware/context-extras.js";
import { oncePerUpdate } from "./middleware/once-per-update.js";
import { logUpdate } from "./middleware/log-update.js";
import { menusOf, personalMenus } from "./command-menu.js";
import { capabilities } from "../capabilities.js";
import { trackInFlight } from "./middleware/in-flight.js";
/**
 * The one place plugins and features are wired, from the capability registry (src/capabilities.ts);
 * tests build this very bot with their own deps.
 */
export function createBot(config: Config, deps: Deps, list: readonly Capability[] = capabilities) {
  const rules = botRulesOf(list);
  const hooks = botHooksOf(list);
  const bot = new Bot<BotContext>(config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: config.apiRoot, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
  });
  configureApi(bot.api);
  const i18n = createI18n<BotContext>((ctx) => ctx.actor?.locale ?? "ru");

  const inFlight = trackInFlight<BotContext>();
  bot.use(inFlight.middleware);
  // Same chat or same person: one update at a time, so a double tap cannot race itself.
  bot.use(sequentialize((ctx) => [ctx.chat?.id, ctx.from?.id].filter((id) => id !== undefined).map(String)));
  bot.use(oncePerUpdate(deps.db, deps.clock));

  const perUpdate: Middleware<BotContext>[] = [contextExtras(config, deps, i18n, rules, hooks), loadActor, i18n, escapeTranslations];
  bot.use(...perUpdate);
  bot.use(logUpdate);
  bot.use(personalMenus(menusOf(list)).middleware);
  bot.use(
    conversations<BotContext, ConvContext>({
      storage: { type: "key", adapter: sqliteStorage(deps.db, () => deps.clock.now().getTime()) },
      plugins: [
        ...(perUpdate as unknown as Middleware<ConvContext>[]),
        (ctx, next) => {
          configureApi(ctx.api);
          return next();
        },
      ],
    }),
  );

  const features = bot.errorBoundary(onFeatureError);
  features.use(groupPolicy); // what may be said in a group: before any dialogue or feature speaks
  // Every dialogue before every feature (each waits only for its own updates and passes the rest on), so
  // any feature may enter any dialogue. All dialogues are parallel: one open dialogue must never block
  // another feature's dialogue in the chat, and ask.ts makes each take only its own buttons and its
  // starter's text.
  for (const dialogue of list.flatMap((c) => c.dialogues ?? [])) {
    const timeout = dialogue.maxMillisecondsToWait === undefined ? {} : { maxMillisecondsToWait: dialogue.maxMillisecondsToWait };
    features.use(createConversation(dialogue.builder, { id: dialogue.id, parallel: true, ...timeout }));
  }
  // Then the features, in the registry's order; a button tap goes straight to the owner of its prefix.
  const everyFeature = new Composer<BotContext>(...list.flatMap((c) => c.features));
  features.use(routeButtons(everyFeature, ownersOf(list)));
  const groupDialogues = list.flatMap((c) => c.dialogues ?? []).flatMap((d) => (d.groupButtons === undefined ? [] : [d.groupButtons]));
  features.use(unhandledFeature(groupDialogues)); // always last

  bot.catch((err) => deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled bot error"));
  return Object.assign(bot, { i18n, inFlight });
}

export type HandoverBot = ReturnType<typeof createBot>;

/** The capabilities' rules the bot's middleware and guards consult (see BotRules), each given by one capability. */
export function botRulesOf(list: readonly Capability[]): BotRules {
  const rules: Partial<BotRules> = {};
  for (const capability of list) {
    for (const [name, rule] of Object.entries(capability.botRules ?? {})) {
      if (name in rules) throw new Error(`two capabilities give the bot's rule ${name}`);
      Object.assign(rules, { [name]: rule });
    }
  }
  const { actorOf, clientAccess, actingMember } = rules;
  if (!actorOf || !clientAccess || !actingMember) throw new Error("a capability must give the bot's rules actorOf, clientAccess and actingMember");
  return { actorOf, clientAccess, actingMember };
}

/** The capabilities' hooks for one another's Telegram side (see BotHooks); one a missing capability would give does nothing. */
function botHooksOf(list: readonly Capability[]): BotHooks {
  const hooks: BotHooks = { refreshChecklist: async () => false };
  const given = new Set<string>();
  for (const capability of list) {
    for (const [name, hook] of Object.entries(capability.botHooks ?? {})) {
      if (given.has(name)) throw new Error(`two capabilities give the bot's hook ${name}`);
      given.add(name);
      Object.assign(hooks, { [name]: hook });
    }
  }
  return hooks;
}


/** Logs the failure and tells the person, politely, that it did not work; the bot keeps running. */
async function onFeatureError(err: BotError<BotContext>) {
  const ctx = err.ctx;
  ctx.log.error({ err: err.error }, "update failed");
  const text = ctx.t ? ctx.t("error-generic") : "Something went wrong. Please try again.";
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat) await ctx.reply(text);
  } catch (replyErr) {
    ctx.log.warn({ err: replyErr }, "could not report the error to the user");
  }
}
