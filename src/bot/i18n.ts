import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { translator, type Locale, type Translate } from "../platform/locale.js";

const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));

export function createI18n<C extends Context>(negotiate: (ctx: C) => Locale): I18n<C> {
  return new I18n<C>({
    defaultLocale: "ru",
    directory: localesDir,
    // Bidi isolation marks around variables would end up inside phone numbers and links.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiate,
  });
}

let shared: I18n<Context> | undefined;

/** Translations for messages decided outside an update (the same locale files the bot uses). */
export function textsFor(locale: Locale): Translate {
  shared ??= createI18n<Context>(() => "ru");
  return translator(shared, locale);
}
