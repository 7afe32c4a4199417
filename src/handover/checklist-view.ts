// The checklist message's picture: a view model (checklist-data.ts) → text with a progress bar + its
// buttons, and a page of the handover's history. Pure: the Telegram side (checklist-message-telegram.ts,
// checklist-telegram.ts) loads the data and sends or edits the message.
import { InlineKeyboard } from "grammy";
import type { Audience } from "../bot/group-policy.js";
import { isVerifiedKind } from "./checklist-template.js";
import { firstManualRun } from "./checklist-shortcuts.js";
import type { Step } from "./checklist.js";
import type { ChecklistHistory, ChecklistView } from "./checklist-data.js";
import { stepTitle } from "./views.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { formatDateTime } from "../platform/format/date-time.js";
import { progressBar } from "../platform/format/progress.js";
import { clip } from "../platform/format/clip.js";
import type { Translate } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import { distData } from "../distribution/keyboards.js";

export type ChecklistMode =
  | { kind: "main" }
  | { kind: "step"; stepId: number }
  | { kind: "responsible"; stepId: number; candidates: { id: number; name: string; nameOnly: boolean }[] }
  | { kind: "cancel" };

/** A handover's steps as a bar, one cell a step, and the count: ▓▓░░░░░ 2/7. */
export function stepsProgress(done: number, total: number): string {
  return `${progressBar(done, total, total)} ${done}/${total}`;
}

const statusIcon = { done: "✅", skipped: "⏭", open: "⬜" } as const;
const MAX_TITLE = 140;

/** A button label: plain text (buttons are not HTML), short. */
export function stepButtonLabel(t: Translate, step: { position: number; kind: Step["kind"]; title: string | null }): string {
  const label = step.kind === "custom" || step.title ? clip(step.title ?? "", 28) : t(`checklist-short-${step.kind}`);
  return `${step.position}. ${label}`;
}

function stepLines(t: Translate, v: ChecklistView, s: ChecklistView["steps"][number]): string[] {
  const head = `${s.status === "open" && isVerifiedKind(s.kind) ? "🤖" : statusIcon[s.status]} ${t("checklist-step-line", { position: s.position, title: clip(stepTitle(t, s), MAX_TITLE) })}`;
  if (s.status === "skipped") return [head, `      ${t("checklist-step-skipped", { reason: clip(s.skipReason ?? "", 200) })}`];
  if (s.status === "done") return s.kind === "interview" && v.recorded > 0 ? [head, `      ${t("checklist-interview-recorded", { count: v.recorded })}`] : [head];
  const overdue = s.dueOn < v.today;
  const meta = t("checklist-step-meta", {
    responsible: s.responsible ?? t("checklist-nobody"),
    due: formatDayWithWeekday(s.dueOn, v.locale, v.today),
    overdue: overdue ? "yes" : "no",
  });
  const lines = [head, `      ${meta}`];
  if (s.kind === "redistribute") lines.push(`      ${t("checklist-auto-redistribute", { owned: v.clients.ownedByLeaver, unassigned: v.clients.unassigned })}`);
  if (s.kind === "reactivation") {
    lines.push(`      ${v.calls.total === 0 ? t("checklist-auto-reactivation-waiting") : t("checklist-auto-reactivation", { done: v.calls.total - v.calls.open, total: v.calls.total })}`);
  }
  if (s.kind === "final_check") lines.push(`      ${t("checklist-auto-final")}`);
  if (s.kind === "interview" && v.recorded > 0) lines.push(`      ${t("checklist-interview-recorded", { count: v.recorded })}`);
  return lines;
}

/** In a group the terms of departure stay out: the group sees the last day and the progress only. */
export function checklistText(t: Translate, v: ChecklistView, audience: Audience = "private"): string {
  const done = v.steps.filter((s) => s.status !== "open").length;
  const lastDay = formatDayWithWeekday(v.lastDay, v.locale, v.today);
  const header = [
    t("checklist-title", { leaver: v.leaverName }),
    audience === "group" ? t("checklist-subtitle-group", { lastDay }) : t("checklist-subtitle", { terms: v.terms, lastDay }),
  ];
  if (v.status === "closed") header.push(t("checklist-closed", { date: v.closedAt ? formatDateTime(v.closedAt, v.timezone, v.locale, v.today) : "" }));
  if (v.status === "cancelled") header.push(t("checklist-cancelled"));
  header.push(t("checklist-progress", { barHtml: stepsProgress(done, v.steps.length) }));
  const body = v.steps.flatMap((s) => stepLines(t, v, s));
  let text = [...header, "", ...body].join("\n");
  // A long custom template must not push the message past Telegram's limit.
  if (text.length > 3900) text = [...header, "", ...v.steps.map((s) => `${statusIcon[s.status]} ${s.position}. ${clip(stepTitle(t, s), 60)}`)].join("\n");
  return text;
}

export function renderChecklist(t: Translate, v: ChecklistView, mode: ChecklistMode = { kind: "main" }, audience: Audience = "private"): { text: string; keyboard: InlineKeyboard } {
  let text = checklistText(t, v, audience);
  const kb = new InlineKeyboard();
  if (v.status !== "active") {
    kb.text(t("checklist-button-history"), chk.history(v.id, 0));
    return { text, keyboard: kb };
  }
  const step = "stepId" in mode ? v.steps.find((s) => s.id === mode.stepId && s.status === "open") : undefined;
  if (mode.kind === "step" && step) {
    text += "\n\n" + t("checklist-step-chosen", { position: step.position, title: clip(stepTitle(t, step), MAX_TITLE) });
    if (!isVerifiedKind(step.kind)) kb.text(t("checklist-button-done"), chk.done(v.id, step.id));
    if (step.kind === "redistribute") kb.text(t("checklist-button-distribute"), distData.handover(v.id));
    if (step.kind !== "final_check" && (step.kind !== "redistribute" || (v.clients.ownedByLeaver === 0 && v.clients.unassigned === 0))) {
      kb.text(t("checklist-button-skip"), chk.skip(v.id, step.id));
    }
    kb.row();
    if (step.kind === "interview") {
      kb.text(t("checklist-button-interview"), chk.interview(v.id)).row();
      if (v.leaverReachable) kb.text(t("checklist-button-form"), chk.form(v.id)).row();
    }
    kb.text(t("checklist-button-responsible"), chk.responsible(v.id, step.id)).text(t("checklist-button-due"), chk.due(v.id, step.id)).row();
    kb.text(t("checklist-button-back"), chk.back(v.id));
    return { text, keyboard: kb };
  }
  if (mode.kind === "responsible" && step) {
    text += "\n\n" + t("checklist-choose-responsible", { position: step.position, title: clip(stepTitle(t, step), MAX_TITLE) });
    mode.candidates.slice(0, 40).forEach((m, i) => {
      kb.text(clip(m.name, 30) + (m.nameOnly ? ` ${t("checklist-name-only-mark")}` : ""), chk.setResponsible(v.id, step.id, m.id));
      if (i % 2 === 1) kb.row();
    });
    kb.row().text(t("checklist-button-back"), chk.step(v.id, step.id));
    return { text, keyboard: kb };
  }
  if (mode.kind === "cancel") {
    text += "\n\n" + t("checklist-cancel-confirm", { leaver: v.leaverName });
    kb.text(t("checklist-button-cancel-yes"), chk.cancelYes(v.id)).text(t("checklist-button-cancel-no"), chk.back(v.id));
    return { text, keyboard: kb };
  }
  // One tap for the next run of manual steps one person answers for ("✅ 1–2 сделаны").
  const run = firstManualRun(v.steps);
  if (run) kb.text(t("checklist-button-run-done", { from: run.from, to: run.to, count: run.stepIds.length }), chk.runDone(v.id, run.from, run.to)).row();
  const open = v.steps.filter((s) => s.status === "open");
  open.forEach((s, i) => {
    kb.text(stepButtonLabel(t, s), chk.step(v.id, s.id));
    if (i % 2 === 1) kb.row();
  });
  if (open.length % 2 === 1) kb.row();
  kb.text(t("checklist-button-history"), chk.history(v.id, 0)).text(t("checklist-button-refresh"), chk.refresh(v.id)).row();
  kb.text(t("checklist-button-cancel"), chk.cancel(v.id));
  return { text, keyboard: kb };
}

// --- History -------------------------------------------------------------------------------------

/** A page of the handover's history, from the entries and names checklist-data.ts read. */
export function renderHistory(t: Translate, history: ChecklistHistory, audience: Audience = "private"): { text: string; keyboard: InlineKeyboard | undefined } {
  const { view, entries, pages, total, people } = history;
  const safePage = Math.min(Math.max(0, history.page), pages - 1);
  const lines = entries.map((e) => historyLine(t, view, e, people, audience));
  const text = [t("checklist-history-title", { leaver: view.leaverName, count: total }), "", ...(lines.length > 0 ? lines : [t("checklist-history-empty")])].join("\n");
  const kb = new InlineKeyboard();
  if (safePage < pages - 1) kb.text(t("checklist-history-earlier"), chk.history(view.id, safePage + 1));
  if (safePage > 0) kb.text(t("checklist-history-later"), chk.history(view.id, safePage - 1));
  return { text: text.length > 4000 ? `${text.slice(0, 3990)}…` : text, keyboard: pages > 1 ? kb : undefined };
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function historyLine(t: Translate, v: ChecklistView, e: ChecklistHistory["entries"][number], people: { id: number; name: string }[], audience: Audience): string {
  const d = e.details;
  const step = typeof d.stepId === "number" ? v.steps.find((s) => s.id === d.stepId) : undefined;
  const vars = {
    when: formatDateTime(e.at, v.timezone, v.locale, v.today),
    who: e.actorName ?? t("checklist-history-bot"),
    step: step ? `${step.position}. ${clip(stepTitle(t, step), 60)}` : "—",
    reason: typeof d.reason === "string" ? clip(d.reason, 200) : "",
    member: people.find((p) => p.id === d.memberId)?.name ?? "—",
    from: typeof d.from === "string" && /^\d{4}-/.test(d.from) ? formatDayWithWeekday(d.from, v.locale, v.today) : String(d.from ?? ""),
    to: typeof d.to === "string" && /^\d{4}-/.test(d.to) ? formatDayWithWeekday(d.to, v.locale, v.today) : String(d.to ?? ""),
    kind: String(d.kind ?? ""),
    terms: String(d.terms ?? ""),
    lastDay: typeof d.lastDay === "string" ? formatDayWithWeekday(d.lastDay, v.locale, v.today) : "",
    source: String(d.source ?? "lead"),
    count: typeof d.count === "number" ? d.count : 0,
  };
  // The terms of departure are not for a group.
  if (audience === "group" && e.action === "handover_started") return t("checklist-audit-handover_started-group", vars);
  // Fluent keys cannot hold the dot these actions are stored with.
  if (e.action === "distribution.applied") return t("checklist-audit-distribution_applied", { ...vars, moved: numberOf(d.moved), toPool: numberOf(d.toPool) });
  if (e.action === "distribution.undone") return t("checklist-audit-distribution_undone", { ...vars, returned: numberOf(d.returned) });
  return t(`checklist-audit-${e.action}`, vars);
}
