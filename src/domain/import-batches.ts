// A parsed file waits in import_batches between the preview and the lead's tap, so the buttons work after
// a restart and a double tap applies it once. The payload holds the parsed rows; after applying or
// cancelling only the summary is kept (a 100,000-row payload has no business staying in the database).
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { importBatches, type CommitmentKind, type MemberRole } from "../db/schema.js";
import type { RowProblem } from "../import/types.js";
import { applyInTransaction, loadTeamSnapshot, planImport, type ImportMode, type ImportRow, type ImportSummary } from "./client-import.js";

export interface ParsedFile {
  rows: ImportRow[];
  rejected: RowProblem[];
  warnings: RowProblem[];
  /** Fields the file had columns for (ParseResult.columns keys). */
  presentFields: string[];
  totalRows: number;
}

/** A row as stored: a tuple, half the size of the object form and quicker to read back. */
type StoredRow = [
  rowNumber: number,
  name: string,
  company: string | null,
  phones: string[],
  email: string | null,
  externalId: string | null,
  owner: string | null,
  temperature: ImportRow["temperature"],
  lastContactOn: string | null,
  nextContactOn: string | null,
  notes: string | null,
  commitments: [kind: CommitmentKind, text: string, dueOn: string | null][] | 0,
];

function toStored(r: ImportRow): StoredRow {
  return [
    r.rowNumber, r.name, r.company, r.phones, r.email, r.externalId, r.owner, r.temperature, r.lastContactOn, r.nextContactOn, r.notes,
    r.commitments.length ? r.commitments.map((c) => [c.kind, c.text, c.dueOn]) : 0,
  ];
}

function fromStored(a: StoredRow): ImportRow {
  return {
    rowNumber: a[0],
    name: a[1],
    company: a[2],
    phones: a[3],
    email: a[4],
    externalId: a[5],
    owner: a[6],
    temperature: a[7],
    lastContactOn: a[8],
    nextContactOn: a[9],
    notes: a[10],
    commitments: a[11] ? a[11].map(([kind, text, dueOn]) => ({ kind, text, dueOn })) : [],
  };
}

interface BatchPayload {
  v: 2;
  rows: StoredRow[];
  presentFields: string[];
  /** How many distinct rows the parser rejected. */
  parseRejected: number;
  preview: ImportSummary;
}

export interface Preview {
  batchId: number;
  summary: ImportSummary;
  /** Distinct rows the parser rejected (missing name, impossible date...). */
  parseRejected: number;
}

export function distinctRows(problems: readonly RowProblem[]): number {
  return new Set(problems.map((p) => p.rowNumber)).size;
}

/** Plans the import without touching the client base and stores the batch for confirmation. */
export function previewImport(
  db: Db,
  input: { teamId: number; actorMemberId: number; fileName: string; parsed: ParsedFile; now: Date },
): Preview {
  const snapshot = loadTeamSnapshot(db, input.teamId);
  const { summary } = planImport(snapshot, { actorMemberId: input.actorMemberId, rows: input.parsed.rows, presentFields: input.parsed.presentFields });
  const parseRejected = distinctRows(input.parsed.rejected);
  const payload: BatchPayload = { v: 2, rows: input.parsed.rows.map(toStored), presentFields: input.parsed.presentFields, parseRejected, preview: summary };
  const batch = db
    .insert(importBatches)
    .values({
      teamId: input.teamId,
      createdById: input.actorMemberId,
      fileName: input.fileName.slice(0, 200),
      status: "previewed",
      payload: JSON.stringify(payload),
      createdAt: input.now.getTime(),
    })
    .returning({ id: importBatches.id })
    .get();
  return { batchId: batch.id, summary, parseRejected };
}

export interface BatchActor {
  memberId: number;
  teamId: number;
  role: MemberRole;
}

export type ConfirmResult =
  | { ok: true; summary: ImportSummary; changedSincePreview: boolean; fileName: string }
  | { ok: false; reason: "not_found" | "forbidden" | "applied" | "cancelled" }
  | { ok: false; reason: "has_rejected"; rejected: number; summary: ImportSummary };

/** Who may act on a batch: its creator, or a lead of the same team. */
function mayTouch(batch: { teamId: number; createdById: number }, actor: BatchActor): boolean {
  return batch.teamId === actor.teamId && (batch.createdById === actor.memberId || actor.role === "lead");
}

/**
 * Applies a previewed batch: re-plans against the data as it is now (someone may have changed clients
 * since the preview) and writes everything in one transaction. A second tap finds it applied.
 */
export function confirmImportBatch(db: Db, input: { batchId: number; actor: BatchActor; mode: ImportMode; now: Date }): ConfirmResult {
  return db.$client.transaction((): ConfirmResult => {
    const batch = db.select().from(importBatches).where(eq(importBatches.id, input.batchId)).get();
    if (!batch || batch.teamId !== input.actor.teamId) return { ok: false, reason: "not_found" };
    if (!mayTouch(batch, input.actor)) return { ok: false, reason: "forbidden" };
    if (batch.status === "applied") return { ok: false, reason: "applied" };
    if (batch.status === "cancelled") return { ok: false, reason: "cancelled" };
    const payload = JSON.parse(batch.payload) as BatchPayload;
    batch.payload = ""; // a big file's text can go as soon as it is read
    if (payload.v !== 2) return { ok: false, reason: "not_found" };
    const rows = payload.rows.map(fromStored);
    payload.rows = [];
    // The rules are those of whoever sent the file: a lead confirming a manager's file does not widen it.
    const result = applyInTransaction(db, {
      teamId: batch.teamId,
      actorMemberId: batch.createdById,
      rows,
      mode: input.mode,
      now: input.now,
      presentFields: payload.presentFields,
      parseRejected: payload.parseRejected,
      batchId: batch.id,
    });
    if (!result.ok) return { ok: false, reason: "has_rejected", rejected: result.rejected, summary: result.summary };
    db.update(importBatches)
      .set({ status: "applied", appliedAt: input.now.getTime(), payload: JSON.stringify({ v: 1, summary: result.summary, mode: input.mode }) })
      .where(eq(importBatches.id, batch.id))
      .run();
    return { ok: true, summary: result.summary, changedSincePreview: !sameCounts(payload.preview, result.summary), fileName: batch.fileName };
  })();
}

export type CancelResult = "cancelled" | "not_found" | "forbidden" | "applied" | "already_cancelled";

export function cancelImportBatch(db: Db, input: { batchId: number; actor: BatchActor }): CancelResult {
  return db.$client.transaction((): CancelResult => {
    const batch = db.select().from(importBatches).where(eq(importBatches.id, input.batchId)).get();
    if (!batch || batch.teamId !== input.actor.teamId) return "not_found";
    if (!mayTouch(batch, input.actor)) return "forbidden";
    if (batch.status === "applied") return "applied";
    if (batch.status === "cancelled") return "already_cancelled";
    db.update(importBatches).set({ status: "cancelled", payload: "{}" }).where(eq(importBatches.id, batch.id)).run();
    return "cancelled";
  })();
}

function sameCounts(a: ImportSummary, b: ImportSummary): boolean {
  return a.created === b.created && a.updated === b.updated && a.unchanged === b.unchanged && a.rejected === b.rejected && a.unassigned === b.unassigned;
}
