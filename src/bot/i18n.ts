import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { translator, type Locale, type Translate } from "../platform/locale.js";

const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));

export function createI18n<C extends Context>(negotiate: (ctx: C) => Locale): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: "ru",
    directory: localesDir,
    // Bidi isolation marks around variables would end up inside phone numbers and links.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiate,
  });
  rememberBundleMatches(i18n);
  rememberPlainMessages(i18n);
  return i18n;
}

/**
 * A message without variables (a button label, a section header) reads the same every time: it is
 * formatted once per locale and remembered. A call card has about ten of them.
 */
function rememberPlainMessages(i18n: I18n<any>): void {
  const fluent = i18n.fluent as unknown as { translate: (locales: string | string[], path: string, context?: Record<string, unknown>) => string };
  const translate = fluent.translate.bind(fluent);
  const known = new Map<string, string>();
  fluent.translate = (locales, path, context) => {
    if (context) for (const _ in context) return translate(locales, path, context);
    const key = `${Array.isArray(locales) ? locales.join("\n") : locales}\u0000${path}`;
    let text = known.get(key);
    if (text === undefined) {
      text = translate(locales, path, context);
      // A missing message keeps warning each time it is asked for.
      if (text !== `{${path}}` && known.size < 10_000) known.set(key, text);
    }
    return text;
  };
}

/**
 * @grammyjs/i18n negotiates languages (parsing every locale tag with @fluent/langneg) on every single
 * translation; a call card makes about 25 of them. The bundles are all loaded here, at start, so the
 * match for a locale never changes: it is worked out once per locale list and remembered.
 */
function rememberBundleMatches(i18n: I18n<any>): void {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => Set<unknown> };
  const match = fluent.matchBundles;
  if (typeof match !== "function") return; // another version of the plugin: translations stay correct, only slower
  const known = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join("\n");
    let bundles = known.get(key);
    if (!bundles) {
      bundles = match.call(fluent, locales);
      if (known.size < 64) known.set(key, bundles);
    }
    return bundles;
  };
}

let shared: I18n<Context> | undefined;

/** Translations for messages decided outside an update (the same locale files the bot uses). */
export function textsFor(locale: Locale): Translate {
  shared ??= createI18n<Context>(() => "ru");
  return translator(shared, locale);
}
