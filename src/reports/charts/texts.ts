// The words drawn into the pictures: plain text from locales/<lang>/charts.ftl (no HTML escaping: the
// SVG renderer escapes what it draws).
import type { Locale, Translations } from "../../platform/locale.js";
import type { LostReason } from "../../db/schema.js";
import { LOST_REASONS } from "./lost-spec.js";
import type { Outcome } from "./palette.js";

export interface ChartTexts {
  locale: Locale;
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** "23.11" in Russian, "23 Nov" in English. */
  day: (date: string) => string;
}

const OUTCOME_KEYS: Record<Outcome, string> = {
  reached: "chart-outcome-reached",
  noAnswer: "chart-outcome-no-answer",
  callBack: "chart-outcome-call-back",
  lost: "chart-outcome-lost",
  notCalled: "chart-outcome-not-called",
};

export function chartTexts(i18n: Translations, locale: Locale, formatDay: (date: string) => string): ChartTexts {
  return { locale, t: (key, vars) => i18n.t(locale, key, vars), day: formatDay };
}

export function outcomeLabels(texts: ChartTexts): Record<Outcome, string> {
  return Object.fromEntries(Object.entries(OUTCOME_KEYS).map(([o, key]) => [o, texts.t(key)])) as Record<Outcome, string>;
}

export function lostReasonLabels(texts: ChartTexts): Record<LostReason, string> {
  return Object.fromEntries(LOST_REASONS.map((r) => [r, texts.t("call-lost-reason", { reason: r })])) as Record<LostReason, string>;
}
