// What the checklist message shows, read from the database: the view model (plain data, so dialogues can
// carry it), the candidates for "Responsible", a page of the handover's history with the names it
// mentions, and who may act on a handover. The text and buttons are checklist-view.ts; the message itself
// (edit in place, post anew) is checklist-message-telegram.ts.
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { members } from "../db/schema.js";
import { handoverHistory, type AuditEntry } from "../db/audit.js";
import { localDate } from "../platform/calendar.js";
import type { Locale } from "../platform/locale.js";
import { localeOfUser } from "../team/member-locale.js";
import { getHandover, handoverClientCounts, reactivationProgress, responsibleCandidates, stepsOf, type Step } from "./checklist.js";
import { leaverReachable, recordedCount } from "./interview.js";
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

/** Candidates for "Responsible", in the form the keyboard wants. */
export function responsibleOptions(db: Db, handover: { teamId: number; leaverId: number }) {
  return responsibleCandidates(db, handover).map((m) => ({ id: m.id, name: m.name, nameOnly: m.telegramId === null }));
}

// --- History -------------------------------------------------------------------------------------

/** One page of a handover's history (newest first), with the checklist it belongs to and the members its entries name. */
export interface ChecklistHistory {
  view: ChecklistView;
  /** The page asked for; the view keeps it within `pages`. */
  page: number;
  entries: AuditEntry[];
  pages: number;
  total: number;
  people: { id: number; name: string }[];
}

export function loadChecklistHistory(db: Db, handoverId: number, page: number, now: Date): ChecklistHistory | null {
  const view = loadChecklistView(db, handoverId, now);
  if (!view) return null;
  const { entries, pages, total } = handoverHistory(db, handoverId, page);
  const memberIds = entries.map((e) => e.details.memberId).filter((id): id is number => typeof id === "number");
  const people = memberIds.length > 0 ? db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)).all() : [];
  return { view, page, entries, pages, total, people };
}

// --- Access ------------------------------------------------------------------------------------------

export type HandoverAccess =
  | { ok: true; handover: NonNullable<ReturnType<typeof getHandover>>; memberId: number; teamId: number }
  | { ok: false; reason: "not_member" | "not_lead" | "stale" | "own" };

/**
 * Whether the person acting may change this handover: a lead of its team who is not the leaver.
 * Button data is never trusted; every tap and every dialogue step goes through here.
 */
export function handoverAccess(
  db: Db,
  actor: { member: { id: number; role: string; teamId: number } | null; team: { id: number } | null; leadSuspended?: boolean },
  handoverId: number,
): HandoverAccess {
  if (!actor.member || !actor.team) return { ok: false, reason: "not_member" };
  const handover = getHandover(db, handoverId);
  const ours = handover !== null && handover.teamId === actor.team.id;
  const own = ours && handover.leaverId === actor.member.id;
  // A lead being offboarded acts as a manager (bot/middleware loadActor); on their own handover, told why.
  if (actor.member.role !== "lead") return { ok: false, reason: own && actor.leadSuspended ? "own" : "not_lead" };
  if (!ours) return { ok: false, reason: "stale" };
  if (own) return { ok: false, reason: "own" };
  return { ok: true, handover, memberId: actor.member.id, teamId: actor.team.id };
}

/** The toast (or reply) for a refused access. */
export function accessRefusalKey(reason: Exclude<HandoverAccess, { ok: true }>["reason"]): string {
  return { not_member: "not-member-toast", not_lead: "lead-only-toast", stale: "button-stale", own: "checklist-own-handover" }[reason];
}
