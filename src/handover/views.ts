// Words about handovers shared by the checklist, the dialogues and the closing summary: days and instants
// as people read them, a step's wording, and the summary a lead gets when a handover closes. Pure: data
// and a translate function in, text (and buttons) out.
import type { InlineKeyboardMarkup } from "grammy/types";
import { DateTime } from "luxon";
import type { StepKind } from "../db/schema.js";
import type { Locale, Translate } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import type { HandoverSummary } from "./summary.js";

/** 'YYYY-MM-DD' as people read it: «пт 27.11» / "Fri 27 Nov", with the year when it is not this year's. */
export function formatDay(day: string, locale: Locale, today?: string): string {
  const withYear = today === undefined || today.slice(0, 4) !== day.slice(0, 4);
  // Remembered: luxon's parse and locale format cost a checklist redraw a tenth of its time.
  const key = `${locale}${withYear ? "y" : ""}${day}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    const dt = DateTime.fromISO(day, { zone: "utc" }).setLocale(locale);
    if (!dt.isValid) return day;
    if (formattedDays.size >= 10_000) formattedDays.clear();
    text = locale === "ru" ? dt.toFormat(withYear ? "ccc dd.MM.yyyy" : "ccc dd.MM") : dt.toFormat(withYear ? "ccc d LLL yyyy" : "ccc d LLL");
    formattedDays.set(key, text);
  }
  return text;
}
const formattedDays = new Map<string, string>();

/** An instant on the team's wall clock: «27.11 14:05» / "27 Nov 14:05". */
export function formatInstant(ms: number, timezone: string, locale: Locale): string {
  const dt = DateTime.fromMillis(ms, { zone: timezone }).setLocale(locale);
  return dt.toFormat(locale === "ru" ? "dd.MM.yyyy HH:mm" : "d LLL yyyy HH:mm");
}

/** A step's wording: the team's own, or the built-in one for its kind. */
export function stepTitle(t: Translate, step: { kind: StepKind; title: string | null }): string {
  return step.title ?? t(`checklist-step-${step.kind}`);
}

/** The summary a lead gets when a handover closes (see summary.ts for what it counts). */
export function handoverSummaryMessage(t: Translate, locale: Locale, s: HandoverSummary): { text: string; replyMarkup: InlineKeyboardMarkup } {
  const lines = [
    t("handover-summary-title", { leaver: s.leaverName }),
    t("handover-summary-period", {
      from: formatDay(s.startedOn, locale, s.today),
      to: formatDay(s.today, locale, s.today),
      lastDay: formatDay(s.lastDay, locale, s.today),
    }),
    "",
  ];
  if (s.transferred === 0) lines.push(t("handover-summary-none-transferred"));
  else {
    lines.push(t("handover-summary-transferred", { count: s.transferred }));
    for (const o of s.owners.slice(0, 30)) lines.push(t("handover-summary-owner-line", { name: o.name, count: o.n }));
    if (s.owners.length > 30) lines.push(t("handover-summary-more", { count: s.owners.length - 30 }));
  }
  lines.push(t("handover-summary-commitments", { count: s.commitments }));
  if (s.calls.total > 0) {
    lines.push(t("handover-summary-calls", { done: s.calls.reached + s.calls.lost, total: s.calls.total, reached: s.calls.reached, lost: s.calls.lost }));
  }
  if (s.skipped.length > 0) {
    lines.push("", t("handover-summary-skipped"));
    for (const step of s.skipped) lines.push(t("handover-summary-skipped-line", { step: stepTitle(t, step), reason: (step.skipReason ?? "").slice(0, 200) }));
  }
  lines.push("", t("handover-summary-left", { leaver: s.leaverName }));
  return {
    text: lines.join("\n"),
    replyMarkup: { inline_keyboard: [[{ text: t("handover-summary-open"), callback_data: chk.open(s.handoverId) }]] },
  };
}
