// The checklist message: one message per handover, edited in place, with a text progress bar. Every
// feature that changes a step (this one, distribution, calls) calls refreshChecklistMessage after its
// transaction; the message is rendered in the language of the lead who started the handover.
import type { I18n } from "@grammyjs/i18n";
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members } from "../db/schema.js";
import { handoverHistory, type AuditEntry } from "../db/audit.js";
import { localDate } from "../platform/calendar.js";
import { isVerifiedKind } from "./checklist-template.js";
import { firstManualRun } from "./checklist-shortcuts.js";
import {
  getHandover,
  handoverClientCounts,
  reactivationProgress,
  reevaluateFinalCheck,
  responsibleCandidates,
  stepsOf,
  type Step,
} from "./checklist.js";
import { leaverReachable, recordedCount } from "./interview.js";
import { setChecklistMessage } from "./handovers.js";
import { stepTitle } from "./views.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { formatDateTime } from "../platform/format/date-time.js";
import { progressBar } from "../platform/format/progress.js";
import { clip } from "../platform/format/clip.js";
import { localeOfUser } from "../team/member-locale.js";
import { textsFor } from "../bot/i18n.js";
import type { Logger } from "../platform/logger.js";
import type { Locale, Translate } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import { distData } from "../distribution/keyboards.js";
import { audienceOf, type Audience } from "../bot/group-policy.js";
import { checklistStatements } from "./checklist-statements.js";

/** Everything the checklist shows, read in one go; plain data, so dialogues can carry it. */
export interface ChecklistView {
  id: number;
  teamId: number;
  status: "active" | "closed" | "cancelled";
  terms: "good" | "bad";
  lastDay: string;
  closedAt: number | null;
  leaverId: number;
  leaverName: string;
  leaverReachable: boolean;
  timezone: string;
  today: string;
  locale: Locale;
  chatId: number | null;
  messageId: number | null;
  steps: (Pick<Step, "id" | "position" | "kind" | "title" | "status" | "skipReason" | "dueOn" | "responsibleId"> & { responsible: string | null })[];
  clients: { ownedByLeaver: number; unassigned: number };
  calls: { total: number; open: number };
  recorded: number;
}

export type ChecklistMode =
  | { kind: "main" }
  | { kind: "step"; stepId: number }
  | { kind: "responsible"; stepId: number; candidates: { id: number; name: string; nameOnly: boolean }[] }
  | { kind: "cancel" };

export function loadChecklistView(db: Db, handoverId: number, now: Date): ChecklistView | null {
  const handover = getHandover(db, handoverId);
  if (!handover) return null;
  const q = checklistStatements(db);
  const team = q.teamById.get({ id: handover.teamId });
  const starter = q.memberById.get({ id: handover.startedById });
  if (!team) return null;
  const steps = stepsOf(db, handover.id);
  // The team's names in one look-up (responsibles are members of the handover's team).
  const names = steps.some((s) => s.responsibleId !== null) ? q.memberNamesOfTeam.all({ teamId: handover.teamId }) : [];
  const leaver = leaverReachable(db, handover.leaverId);
  return {
    id: handover.id,
    teamId: handover.teamId,
    status: handover.status,
    terms: handover.terms,
    lastDay: handover.lastDay,
    closedAt: handover.closedAt,
    leaverId: handover.leaverId,
    leaverName: leaver.name,
    leaverReachable: leaver.ok,
    timezone: team.timezone,
    today: localDate(now, team.timezone),
    locale: localeOfUser(db, starter?.telegramId ?? null),
    chatId: handover.checklistChatId,
    messageId: handover.checklistMessageId,
    steps: steps.map((s) => ({
      id: s.id,
      position: s.position,
      kind: s.kind,
      title: s.title,
      status: s.status,
      skipReason: s.skipReason,
      dueOn: s.dueOn,
      responsibleId: s.responsibleId,
      responsible: names.find((n) => n.id === s.responsibleId)?.name ?? null,
    })),
    clients: handoverClientCounts(db, handover),
    calls: reactivationProgress(db, handover.id),
    recorded: recordedCount(db, handover.id),
  };
}

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

/** Candidates for "Responsible", in the form the keyboard wants. */
export function responsibleOptions(db: Db, handover: { teamId: number; leaverId: number }) {
  return responsibleCandidates(db, handover).map((m) => ({ id: m.id, name: m.name, nameOnly: m.telegramId === null }));
}

function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && /message is not modified/i.test(err.description);
}

function isGone(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i.test(err.description);
}

/**
 * Edits the handover's one checklist message in place (re-evaluating the final check first, so a client
 * moved by any path can close the handover; `finalCheckEvaluated` when your transaction just did, as every
 * step change in checklist.ts does). Call it after your transaction; pass `now` from your clock
 * (and `log` to hear about failures). If the message is gone, a fresh one is posted in the same chat.
 * Never throws for Telegram's sake: the data is already saved, the message is only its picture.
 * Returns false when nothing could be shown.
 */
export async function refreshChecklistMessage(
  api: Api,
  db: Db,
  i18n: I18n<any>,
  handoverId: number,
  options: { now: Date; mode?: ChecklistMode; log?: Pick<Logger, "warn">; finalCheckEvaluated?: boolean },
): Promise<boolean> {
  const now = options.now;
  // A step change (checklist.ts) re-evaluates the final check in its own transaction: its caller says so.
  if (!options.finalCheckEvaluated) db.transaction((tx) => reevaluateFinalCheck(tx, { handoverId, now }));
  const view = loadChecklistView(db, handoverId, now);
  if (!view || view.chatId === null || view.messageId === null) return false;
  const { text, keyboard } = renderChecklist(textsFor(view.locale), view, options.mode, audienceOf(view.chatId));
  try {
    await api.editMessageText(view.chatId, view.messageId, text, { reply_markup: keyboard });
    return true;
  } catch (err) {
    if (isNotModified(err)) return true;
    try {
      if (isGone(err)) return (await postChecklistMessage(api, db, i18n, handoverId, view.chatId, { now })) !== null;
    } catch (postErr) {
      err = postErr;
    }
    options.log?.warn({ err, handoverId }, "checklist message not updated");
    return false;
  }
}

/**
 * Posts the checklist as a new message in `chatId` and makes it the one to edit from now on; the previous
 * copy, if any, loses its buttons and points below.
 */
export async function postChecklistMessage(
  api: Api,
  db: Db,
  _i18n: I18n<any>,
  handoverId: number,
  chatId: number,
  options: { now: Date },
): Promise<{ chatId: number; messageId: number } | null> {
  const now = options.now;
  db.transaction((tx) => reevaluateFinalCheck(tx, { handoverId, now }));
  const view = loadChecklistView(db, handoverId, now);
  if (!view) return null;
  const t = textsFor(view.locale);
  const { text, keyboard } = renderChecklist(t, view, undefined, audienceOf(chatId));
  const sent = await api.sendMessage(chatId, text, { reply_markup: keyboard });
  setChecklistMessage(db, handoverId, chatId, sent.message_id);
  if (view.chatId !== null && view.messageId !== null && !(view.chatId === chatId && view.messageId === sent.message_id)) {
    await api.editMessageText(view.chatId, view.messageId, t("checklist-moved", { leaver: view.leaverName })).catch(() => undefined);
  }
  return { chatId, messageId: sent.message_id };
}

// --- History -------------------------------------------------------------------------------------

export function renderHistory(db: Db, handoverId: number, page: number, now: Date, audience: Audience = "private"): { text: string; keyboard: InlineKeyboard | undefined } | null {
  const view = loadChecklistView(db, handoverId, now);
  if (!view) return null;
  const t = textsFor(view.locale);
  const { entries, pages, total } = handoverHistory(db, handoverId, page);
  const safePage = Math.min(Math.max(0, page), pages - 1);
  const memberIds = entries.map((e) => e.details.memberId).filter((id): id is number => typeof id === "number");
  const people = memberIds.length > 0 ? db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)).all() : [];
  const lines = entries.map((e) => historyLine(t, view, e, people, audience));
  const text = [t("checklist-history-title", { leaver: view.leaverName, count: total }), "", ...(lines.length > 0 ? lines : [t("checklist-history-empty")])].join("\n");
  const kb = new InlineKeyboard();
  if (safePage < pages - 1) kb.text(t("checklist-history-earlier"), chk.history(handoverId, safePage + 1));
  if (safePage > 0) kb.text(t("checklist-history-later"), chk.history(handoverId, safePage - 1));
  return { text: text.length > 4000 ? `${text.slice(0, 3990)}…` : text, keyboard: pages > 1 ? kb : undefined };
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function historyLine(t: Translate, v: ChecklistView, e: AuditEntry, people: { id: number; name: string }[], audience: Audience): string {
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

// --- Access ------------------------------------------------------------------------------------------

export type HandoverAccess =
  | { ok: true; handover: NonNullable<ReturnType<typeof getHandover>>; memberId: number; teamId: number }
  | { ok: false; reason: "not_member" | "not_lead" | "stale" | "own" };

/**
 * Whether the person acting may change this handover: a lead of its team who is not the leaver.
 * Button data is never trusted; every tap and every dialogue step goes through here.
 */
export function handoverAccess(db: Db, actor: { member: { id: number; role: string; teamId: number } | null; team: { id: number } | null }, handoverId: number): HandoverAccess {
  if (!actor.member || !actor.team) return { ok: false, reason: "not_member" };
  if (actor.member.role !== "lead") return { ok: false, reason: "not_lead" };
  const handover = getHandover(db, handoverId);
  if (!handover || handover.teamId !== actor.team.id) return { ok: false, reason: "stale" };
  if (handover.leaverId === actor.member.id) return { ok: false, reason: "own" };
  return { ok: true, handover, memberId: actor.member.id, teamId: actor.team.id };
}

/** The toast (or reply) for a refused access. */
export function accessRefusalKey(reason: Exclude<HandoverAccess, { ok: true }>["reason"]): string {
  return { not_member: "not-member-toast", not_lead: "lead-only-toast", stale: "button-stale", own: "checklist-own-handover" }[reason];
}
