// The handover interview (checklist step 3): open agreements, promises, document debts and client
// deadlines of the leaver's clients, typed by the lead («Иванов — договор до 30.11») or filled in by the
// leaver in a form. Each becomes a commitment tied to the handover, so it moves with its client.
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { clientEvents, clients, commitments, handovers, type CommitmentKind, type Temperature } from "../db/schema.js";
import { enqueue, type OutgoingMessage } from "../outbox/outbox.js";
import { recordAudit, type AuditDetails } from "../db/audit.js";
import { completeInterviewStep } from "./checklist-shortcuts.js";
import { addCommitment } from "../clients/commitments.js";
import { parseUserDate, type DateInputRef } from "../platform/date-input.js";
import { classifyCommitment } from "../clients/import/commitment-kind.js";
import { checklistStatements } from "./checklist-statements.js";

export const MAX_COMMITMENT_TEXT = 500;

export interface InterviewLine {
  clientQuery: string;
  text: string;
  dueOn: string | null;
  kind: CommitmentKind;
}

/** «Иванов — договор до 30.11», «Петрова: перезвонить 2 декабря» → client, what, when, which kind. */
export function parseInterviewLine(line: string, ref: DateInputRef): InterviewLine | null {
  const clean = line.replace(/\s+/g, " ").trim();
  // A hyphen needs spaces around it: «Петрова-Водкина» is one surname.
  const m = /^(.+?)(?:\s*[—–:]\s*|\s+-\s+)(.+)$/.exec(clean);
  if (!m) return null;
  const clientQuery = m[1]!.replace(/^[«"'„“]+|[»"'“”]+$/g, "").trim();
  const text = m[2]!.trim();
  if (clientQuery.length < 2 || text.length < 2 || text.length > MAX_COMMITMENT_TEXT) return null;
  const dueOn = findDate(text, ref);
  return { clientQuery, text, dueOn, kind: guessKind(text, dueOn !== null) };
}

/** The date at the end of a sentence («договор до 30.11», "call back next friday"), or null. */
export function findDate(text: string, ref: DateInputRef): string | null {
  const words = text.replace(/[,;!?]+$/, "").replace(/\.$/, "").split(" ");
  for (let k = Math.min(5, words.length); k >= 1; k--) {
    const day = parseUserDate(words.slice(-k).join(" "), ref);
    if (day) return day;
  }
  return null;
}

/** The kind by the one rule every commitment uses (src/clients/import/commitment-kind.ts). */
export function guessKind(text: string, hasDate = false): CommitmentKind {
  return classifyCommitment(text, hasDate);
}

export interface HandoverClient {
  id: number;
  name: string;
  company: string | null;
  temperature: Temperature;
  ownerId: number | null;
  primaryPhone?: string | null;
}

/** The handover's clients: still the leaver's, moved from the leaver since, or come from this handover (clients.origin_handover_id). Hot first. */
export function handoverClients(db: DbOrTx, handover: { id?: number; teamId: number; leaverId: number }): HandoverClient[] {
  return db
    .select({ id: clients.id, name: clients.name, company: clients.company, temperature: clients.temperature, ownerId: clients.ownerId, primaryPhone: clients.primaryPhone })
    .from(clients)
    .where(
      and(
        eq(clients.teamId, handover.teamId),
        eq(clients.status, "active"),
        or(eq(clients.ownerId, handover.leaverId), eq(clients.previousOwnerId, handover.leaverId), handover.id !== undefined ? eq(clients.originHandoverId, handover.id) : undefined),
      ),
    )
    .orderBy(sql`case ${clients.temperature} when 'hot' then 0 when 'warm' then 1 else 2 end`, asc(clients.name), asc(clients.id))
    .all();
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(/[«»"'„“”]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Clients whose name (or company) contains every word typed as the start of a word. An exact name wins
 * outright, so «Иванов» picks "Иванов" over "Иванова Ольга" only when written in full.
 */
export function matchClients(list: HandoverClient[], query: string): HandoverClient[] {
  const q = normalize(query);
  if (!q) return [];
  const exact = list.filter((c) => normalize(c.name) === q);
  if (exact.length > 0) return exact;
  const tokens = q.split(" ");
  return list.filter((c) => {
    const words = normalize(`${c.name} ${c.company ?? ""}`).split(/[\s,.()-]+/);
    return tokens.every((t) => words.some((w) => w.startsWith(t)));
  });
}

export type RecordResult = { ok: true; commitmentId: number } | { ok: false; reason: "not_active" | "not_client" | "bad_text" };

/** Saves one commitment of a handover's client, with an audit entry (ids and kind only). */
export function recordHandoverCommitment(
  db: Db,
  input: { handoverId: number; clientId: number; kind: CommitmentKind; text: string; dueOn: string | null; actorId: number | null; source: "lead" | "leaver"; now: Date },
): RecordResult {
  const text = input.text.replace(/\s+/g, " ").trim();
  if (text.length < 2 || text.length > MAX_COMMITMENT_TEXT) return { ok: false, reason: "bad_text" };
  return db.transaction((tx): RecordResult => {
    const handover = tx.select().from(handovers).where(eq(handovers.id, input.handoverId)).get();
    if (!handover || handover.status !== "active") return { ok: false, reason: "not_active" };
    const client = handoverClients(tx, handover).find((c) => c.id === input.clientId);
    if (!client) return { ok: false, reason: "not_client" };
    const c = addCommitment(tx, {
      teamId: handover.teamId,
      clientId: client.id,
      ownerId: client.ownerId,
      kind: input.kind,
      text,
      dueOn: input.dueOn,
      handoverId: handover.id,
      now: input.now,
    });
    recordAudit(tx, {
      teamId: handover.teamId,
      handoverId: handover.id,
      actorId: input.actorId,
      action: "commitment_added",
      details: { commitmentId: c.id, clientId: client.id, kind: input.kind, dueOn: input.dueOn, source: input.source },
      now: input.now,
    });
    // The client's history (the call card) says it too, and by whom.
    tx.insert(clientEvents)
      .values({ teamId: handover.teamId, clientId: client.id, actorId: input.actorId, kind: "commitment_added", details: { commitmentId: c.id, kind: input.kind, dueOn: input.dueOn }, at: input.now.getTime() })
      .run();
    return { ok: true, commitmentId: c.id };
  });
}

export interface HandoverCommitment {
  id: number;
  teamId: number;
  handoverId: number;
  clientName: string;
  kind: CommitmentKind;
  text: string;
  dueOn: string | null;
  status: string;
  handoverActive: boolean;
}

export function handoverCommitment(db: DbOrTx, commitmentId: number): HandoverCommitment | null {
  const row = db
    .select({
      id: commitments.id,
      teamId: commitments.teamId,
      handoverId: commitments.handoverId,
      clientName: clients.name,
      kind: commitments.kind,
      text: commitments.text,
      dueOn: commitments.dueOn,
      status: commitments.status,
      handoverStatus: handovers.status,
    })
    .from(commitments)
    .innerJoin(clients, eq(clients.id, commitments.clientId))
    .innerJoin(handovers, eq(handovers.id, commitments.handoverId))
    .where(eq(commitments.id, commitmentId))
    .get();
  if (!row || row.handoverId === null) return null;
  const { handoverStatus, ...rest } = row;
  return { ...rest, handoverId: row.handoverId, handoverActive: handoverStatus === "active" };
}

/** A lead corrects the kind the bot guessed, or takes back a commitment typed by mistake. */
export function correctHandoverCommitment(
  db: Db,
  input: { commitmentId: number; teamId: number; actorId: number; change: { kind: CommitmentKind } | { remove: true }; now: Date },
): "changed" | "unchanged" | "stale" {
  return db.transaction((tx) => {
    const c = handoverCommitment(tx, input.commitmentId);
    if (!c || c.teamId !== input.teamId || !c.handoverActive || c.status !== "open") return "stale";
    if ("kind" in input.change) {
      if (c.kind === input.change.kind) return "unchanged";
      tx.update(commitments).set({ kind: input.change.kind }).where(eq(commitments.id, c.id)).run();
      recordAudit(tx, { teamId: c.teamId, handoverId: c.handoverId, actorId: input.actorId, action: "commitment_kind", details: { commitmentId: c.id, from: c.kind, to: input.change.kind }, now: input.now });
    } else {
      tx.update(commitments).set({ status: "cancelled", doneAt: input.now.getTime() }).where(eq(commitments.id, c.id)).run();
      recordAudit(tx, { teamId: c.teamId, handoverId: c.handoverId, actorId: input.actorId, action: "commitment_removed", details: { commitmentId: c.id }, now: input.now });
    }
    return "changed";
  });
}

/** How many open commitments the handover's interview has recorded. */
export function recordedCount(db: DbOrTx, handoverId: number): number {
  return checklistStatements(db).openCommitmentsOfHandover.get({ handoverId })?.n ?? 0;
}

/** Whether the leaver can get the form in a direct message. */
export function leaverReachable(db: DbOrTx, leaverId: number): { ok: boolean; telegramId: number | null; name: string } {
  const m = checklistStatements(db).memberById.get({ id: leaverId });
  return { ok: !!m && m.telegramId !== null && m.reachability === "ok" && m.status !== "left", telegramId: m?.telegramId ?? null, name: m?.name ?? "" };
}

/**
 * Sends the leaver's form (or tells the lead what was filled in) through the outbox, with its audit
 * entry, in one transaction. Refused when the handover is no longer active.
 */
export function queueFormMessage(
  db: Db,
  input: { handoverId: number; actorId: number | null; action: "leaver_form_sent" | "leaver_form_done"; details?: AuditDetails; message: OutgoingMessage; now: Date },
): "queued" | "not_active" {
  return db.transaction((tx) => {
    const handover = tx.select().from(handovers).where(eq(handovers.id, input.handoverId)).get();
    if (!handover || handover.status !== "active") return "not_active";
    enqueue(tx, { teamId: handover.teamId, ...input.message }, input.now);
    recordAudit(tx, { teamId: handover.teamId, handoverId: handover.id, actorId: input.actorId, action: input.action, details: input.details ?? {}, now: input.now });
    // The leaver sent the form: the interview step closes itself.
    if (input.action === "leaver_form_done") completeInterviewStep(tx, { handoverId: handover.id, actorId: input.actorId, now: input.now });
    return "queued";
  });
}
