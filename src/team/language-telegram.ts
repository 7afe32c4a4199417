import { Composer, InlineKeyboard } from "grammy";
import { setUserLocale } from "./teams.js";
import type { BotContext } from "../bot/context.js";
import { locales, type Locale } from "../platform/locale.js";

export const languageFeature = new Composer<BotContext>();

languageFeature.command("language", (ctx) =>
  ctx.reply(ctx.t("language-choose"), {
    reply_markup: new InlineKeyboard().text("Русский", "lang:ru").text("English", "lang:en"),
  }),
);

languageFeature.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
  const locale = ctx.match[1] as Locale;
  if (!locales.includes(locale)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  setUserLocale(ctx.deps.db, ctx.from.id, locale, ctx.deps.clock.now());
  ctx.i18n.useLocale(locale);
  ctx.actor = { ...ctx.actor, locale };
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
});
