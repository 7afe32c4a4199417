import { Composer, InlineKeyboard } from "grammy";
import { setUserLocale } from "./teams.js";
import type { BotContext } from "../bot/context.js";
import { languageButton } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";

export const languageFeature = new Composer<BotContext>();

languageFeature.command("language", (ctx) =>
  ctx.reply(ctx.t("language-choose"), {
    reply_markup: new InlineKeyboard().text("Русский", languageButton.encode({ locale: "ru" })).text("English", languageButton.encode({ locale: "en" })),
  }),
);

// A language the bot does not speak decodes to nothing: "out of date".
onButton(languageFeature, languageButton, async (ctx, { locale }) => {
  setUserLocale(ctx.deps.db, ctx.from.id, locale, ctx.deps.clock.now());
  ctx.i18n.useLocale(locale);
  ctx.actor = { ...ctx.actor, locale };
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-set")).catch(() => undefined);
});
