// The languages the bot speaks and the shape of a translate function. Plain values: rules, views and jobs
// take a `Translate` (or a `Translations` source and a `Locale`); the Fluent files are loaded in bot/i18n.ts.
import { escapeVars } from "./html.js";

export type Locale = "ru" | "en";
export const locales: readonly Locale[] = ["ru", "en"];

/** Languages whose speakers in our market read Russian more easily than English. */
const russianReaders = new Set(["ru", "uk", "be", "kk"]);

export function localeFromTelegram(languageCode: string | undefined): Locale {
  if (!languageCode) return "ru";
  return russianReaders.has(languageCode.toLowerCase().split("-")[0] ?? "") ? "ru" : "en";
}

/** Variables of a text (Fluent's plain kinds). */
export type TextVars = Record<string, string | number | Date>;

export type Translate = (key: string, vars?: TextVars) => string;

/** Where texts come from: the bot's I18n instance, or anything that answers the same way. */
export interface Translations {
  t(locale: string, key: string, vars?: TextVars): string;
}

/** A translate function for one locale, outside any update (jobs, outbox); variables escaped. */
export function translator(texts: Translations, locale: Locale): Translate {
  return (key, vars) => texts.t(locale, key, vars ? escapeVars(vars) : undefined);
}
