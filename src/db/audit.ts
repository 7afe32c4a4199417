// Who changed what, when, on a handover (and on the team's checklist template). Written in the same
// transaction as the change it describes, so the history can never disagree with the data.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client.js";
import { auditLog, members } from "./schema.js";
import { preparedOnce } from "./prepared.js";

export type AuditAction =
  | "handover_started"
  | "handover_cancelled"
  | "handover_closed"
  | "step_done"
  | "step_auto_done"
  | "step_auto_reopened"
  | "step_skipped"
  | "step_responsible"
  | "step_due"
  | "commitment_added"
  | "commitment_kind"
  | "commitment_removed"
  | "leaver_form_sent"
  | "leaver_form_done"
  | "template_changed"
  // Written by distribution/ with the handover's id, so they are part of its history too.
  | "distribution.applied"
  | "distribution.undone";

/** Small facts only (ids, kinds, dates, a skip reason): never client names, phones or notes. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/** Every step change writes one: prepared once per connection (drizzle built and compiled it each time). */
const insertAudit = preparedOnce((_db, sqlite) => sqlite.prepare("INSERT INTO audit_log (team_id, handover_id, actor_id, action, details, at) VALUES (?, ?, ?, ?, ?, ?)"));

export function recordAudit(
  tx: DbOrTx,
  entry: { teamId: number; handoverId: number | null; actorId: number | null; action: AuditAction; details?: AuditDetails; now: Date },
): void {
  // `details` as drizzle's JSON column writes it: JSON text, or NULL.
  const details = entry.details === undefined || entry.details === null ? null : JSON.stringify(entry.details);
  insertAudit(tx).run(entry.teamId, entry.handoverId, entry.actorId, entry.action, details, entry.now.getTime());
}

export interface AuditEntry {
  id: number;
  action: AuditAction;
  /** Null when the bot itself did it (a step completed by a distribution, the final check). */
  actorName: string | null;
  details: AuditDetails;
  at: number;
}

/** One page of a handover's history, oldest first within the page; page 0 is the newest. */
export function handoverHistory(db: Db, handoverId: number, page: number, pageSize = 25): { entries: AuditEntry[]; total: number; pages: number } {
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.handoverId, handoverId)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const safePage = Math.min(Math.max(0, page), pages - 1);
  const rows = db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, at: auditLog.at, actorName: members.name })
    .from(auditLog)
    .leftJoin(members, eq(members.id, auditLog.actorId))
    .where(and(eq(auditLog.handoverId, handoverId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset(safePage * pageSize)
    .all();
  const entries = rows
    .map((r) => ({ id: r.id, action: r.action as AuditAction, actorName: r.actorName ?? null, details: (r.details ?? {}) as AuditDetails, at: r.at }))
    .reverse();
  return { entries, total, pages };
}

/** Every entry of a handover, oldest first (tests and the summary). */
export function auditOf(db: DbOrTx, handoverId: number): { action: string; actorId: number | null; details: AuditDetails }[] {
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.handoverId, handoverId))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .all()
    .map((r) => ({ ...r, details: (r.details ?? {}) as AuditDetails }));
}
