// Our I18n remembers bundle matches and plain messages; every message must read exactly as @grammyjs/i18n
// alone writes it, in both languages, with and without variables.
import { I18n } from "@grammyjs/i18n";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { locales } from "../../src/platform/locale.js";

const localesDir = join(import.meta.dirname, "../../locales");
const keys = [...new Set(readdirSync(join(localesDir, "ru")).flatMap((f) => [...readFileSync(join(localesDir, "ru", f), "utf8").matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!)))];

/** The text, or the error Fluent throws (a message asked for without the variables it needs). */
function attempt(f: () => string): string {
  try {
    return f();
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}

describe("createI18n", () => {
  const ours = createI18n(() => "ru");
  const plain = new I18n({ defaultLocale: "ru", directory: localesDir, fluentBundleOptions: { useIsolating: false } });
  const vars = { count: 3, name: "Анна", date: "25.11", kind: "reactivation", n: 2, total: 7, client: "ООО «Ромашка»" };

  it("writes every message as the plugin alone does, twice in a row (the second from memory)", () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const locale of locales) {
      for (const key of keys) {
        for (let round = 0; round < 2; round++) {
          expect(attempt(() => ours.t(locale, key)), `${locale} ${key}`).toBe(attempt(() => plain.t(locale, key)));
          expect(attempt(() => ours.t(locale, key, vars)), `${locale} ${key} with variables`).toBe(attempt(() => plain.t(locale, key, vars)));
        }
      }
    }
  });

  it("keeps the locale apart, and a missing key as the plugin shows it", () => {
    expect(ours.t("en", "today-btn-next")).not.toBe(ours.t("ru", "today-btn-next"));
    expect(ours.t("ru", "no-such-key")).toBe("{no-such-key}");
    expect(ours.t("ru", "no-such-key")).toBe("{no-such-key}");
  });
});
