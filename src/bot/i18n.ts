import { fileURLToPath } from "node:url";
import { I18n, type TranslationVariables } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { escapeVars } from "./html.js";

export type Locale = "ru" | "en";
export const locales: readonly Locale[] = ["ru", "en"];

const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));
/** Languages whose speakers in our market read Russian more easily than English. */
const russianReaders = new Set(["ru", "uk", "be", "kk"]);

export function localeFromTelegram(languageCode: string | undefined): Locale {
  if (!languageCode) return "ru";
  return russianReaders.has(languageCode.toLowerCase().split("-")[0] ?? "") ? "ru" : "en";
}

export function createI18n<C extends Context>(negotiate: (ctx: C) => Locale): I18n<C> {
  return new I18n<C>({
    defaultLocale: "ru",
    directory: localesDir,
    // Bidi isolation marks around variables would end up inside phone numbers and links.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiate,
  });
}

export type Translate = (key: string, vars?: TranslationVariables) => string;

/** A translate function for one locale, outside any update (jobs, outbox); variables escaped. */
export function translator(i18n: I18n<any>, locale: Locale): Translate {
  return (key, vars) => i18n.t(locale, key, vars ? escapeVars(vars) : undefined);
}
