// Words about handovers shared by the checklist, the dialogues and the closing summary: a step's wording
// and the summary a lead gets when a handover closes. Pure: data and a translate function in, text (and
// buttons) out. Days and times are written by platform/format.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { StepKind } from "../db/schema.js";
import type { Locale, Translate } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import type { HandoverSummary } from "./summary.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";

/** A step's wording: the team's own, or the built-in one for its kind. */
export function stepTitle(t: Translate, step: { kind: StepKind; title: string | null }): string {
  return step.title ?? t(`checklist-step-${step.kind}`);
}

/** The summary a lead gets when a handover closes (see summary.ts for what it counts). */
export function handoverSummaryMessage(t: Translate, locale: Locale, s: HandoverSummary): { text: string; replyMarkup: InlineKeyboardMarkup } {
  const lines = [
    t("handover-summary-title", { leaver: s.leaverName }),
    t("handover-summary-period", {
      from: formatDayWithWeekday(s.startedOn, locale, s.today),
      to: formatDayWithWeekday(s.today, locale, s.today),
      lastDay: formatDayWithWeekday(s.lastDay, locale, s.today),
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
    for (const step of s.skipped) lines.push(t("handover-summary-skipped-line", { step: stepTitle(t, step), reason: clip(step.skipReason ?? "", 200) }));
  }
  lines.push("", t("handover-summary-left", { leaver: s.leaverName }));
  return {
    text: lines.join("\n"),
    replyMarkup: { inline_keyboard: [[{ text: t("handover-summary-open"), callback_data: chk.open(s.handoverId) }]] },
  };
}
