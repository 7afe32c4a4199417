// A parsed file waits in import_batches between the preview and the lead's tap, so the buttons work after
// a restart and a double tap applies it once. The payload holds the parsed rows; after applying or
// cancelling only the summary is kept (a 100,000-row payload has no business staying in the database).
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { importBatches, type CommitmentKind, type MemberRole } from "../db/schema.js";
import type { RowProblem } from "./import/types.js";
import { applyInTransaction, type MovedClients } from "./import-apply.js";
import { importStatements } from "./import-queries.js";
import { planImport } from "./import-plan.js";
import { loadTeamSnapshot } from "./import-snapshot.js";
import { MAX_NOTE_ITEMS, type ImportMode, type ImportRow, type ImportSummary, type NoteChoice } from "./import-summary.js";

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
  /** Absent in batches stored before notes were scanned. */
  noteFindings?: [index: number, kind: CommitmentKind, text: string, dueOn: string | null][] | 0,
];

function toStored(r: ImportRow): StoredRow {
  return [
    r.rowNumber, r.name, r.company, r.phones, r.email, r.externalId, r.owner, r.temperature, r.lastContactOn, r.nextContactOn, r.notes,
    r.commitments.length ? r.commitments.map((c) => [c.kind, c.text, c.dueOn]) : 0,
    r.noteFindings?.length ? r.noteFindings.map((f) => [f.index, f.kind, f.text, f.dueOn]) : 0,
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
    ...(a[12] ? { noteFindings: a[12].map(([index, kind, text, dueOn]) => ({ index, kind, text, dueOn })) } : {}),
  };
}

/**
 * The stored payload is text: a JSON header line, then one line per 1,000 rows, each a deflated, base64
 * JSON array of row tuples. A 100,000-row file (18 MB of CSV) is stored in ~4 MB and read back
 * one block at a time, so the batch never sits in memory twice (text and objects).
 */
interface PayloadHeader {
  v: 4;
  presentFields: string[];
  /** How many distinct rows the parser rejected. */
  parseRejected: number;
  preview: ImportSummary;
  /** The lead's answers to "did you mean" (owner text -> member id or "new"), given after the preview. */
  ownerChoices?: Record<string, number | "new">;
  /** Which commitments found in the notes the lead keeps; absent = none. */
  noteChoice?: "all" | "none" | number[];
}

const ROWS_PER_BLOCK = 1000;

function writePayload(header: PayloadHeader, rows: readonly ImportRow[]): string {
  // ASCII only (names in \u escapes), so the whole payload stays a one-byte string.
  const parts: string[] = [JSON.stringify(header).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)];
  // One buffer, reused, holds each block's UTF-8 on its way to zlib: 100 fresh 200 KB buffers for a
  // 100,000-row file were 20 MB of allocations that the process kept as resident memory.
  let utf8 = Buffer.allocUnsafe(0);
  for (let i = 0; i < rows.length; i += ROWS_PER_BLOCK) {
    const block = JSON.stringify(rows.slice(i, i + ROWS_PER_BLOCK).map(toStored));
    // A UTF-16 unit is at most 3 bytes of UTF-8: with that much room, write() tells the size (no
    // separate pass to measure it).
    if (block.length * 3 > utf8.length) utf8 = Buffer.allocUnsafe(Math.max(block.length * 3, utf8.length * 2));
    const size = utf8.write(block, 0);
    parts.push(deflateRawSync(utf8.subarray(0, size), { level: 1 }).toString("base64"));
  }
  return parts.join("\n");
}

function readHeader(payload: string): PayloadHeader | null {
  const end = payload.indexOf("\n");
  try {
    const header = JSON.parse(end < 0 ? payload : payload.slice(0, end)) as Partial<PayloadHeader>;
    return header.v === 4 ? (header as PayloadHeader) : null;
  } catch {
    return null;
  }
}

/** Base64 has no line breaks, so every newline starts the next block. */
function* readRows(payload: string): Generator<ImportRow> {
  let start = payload.indexOf("\n");
  while (start >= 0) {
    const end = payload.indexOf("\n", start + 1);
    const block = inflateRawSync(Buffer.from(end < 0 ? payload.slice(start + 1) : payload.slice(start + 1, end), "base64"));
    for (const tuple of JSON.parse(block.toString("utf8")) as StoredRow[]) yield fromStored(tuple);
    start = end;
  }
}

/**
 * The parsed rows of recent previews, kept in memory until their batch is applied or cancelled, so a tap
 * moments after the preview does not read and parse the stored payload again. Only an optimisation: after
 * a restart (or eviction) the payload in the database is the source. Keyed by database, as tests run
 * several in one process and batch ids repeat between them.
 */
const recentRows = new WeakMap<Db, Map<number, { rows: readonly ImportRow[]; at: number }>>();
const RECENT_MAX_ROWS = 200_000;
const RECENT_MAX_AGE_MS = 60 * 60 * 1000;

function remember(db: Db, batchId: number, rows: readonly ImportRow[], now: number): void {
  let batches = recentRows.get(db);
  if (!batches) recentRows.set(db, (batches = new Map()));
  batches.set(batchId, { rows, at: now });
  let total = 0;
  // Newest first; whatever does not fit, or is old, is dropped.
  for (const [id, entry] of [...batches.entries()].reverse()) {
    total += entry.rows.length;
    if (total > RECENT_MAX_ROWS || now - entry.at > RECENT_MAX_AGE_MS) batches.delete(id);
  }
}

function recall(db: Db, batchId: number, now: number): readonly ImportRow[] | null {
  const batches = recentRows.get(db);
  if (!batches) return null;
  for (const [id, entry] of batches) if (now - entry.at > RECENT_MAX_AGE_MS) batches.delete(id);
  return batches.get(batchId)?.rows ?? null;
}

function forget(db: Db, batchId: number): void {
  recentRows.get(db)?.delete(batchId);
}

/** For tests: behave as a freshly started process would. */
export function forgetRecentImports(db: Db): void {
  recentRows.delete(db);
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
  const { summary } = planImport(snapshot, { actorMemberId: input.actorMemberId, rows: input.parsed.rows, presentFields: input.parsed.presentFields, keepNewDrafts: false });
  const parseRejected = distinctRows(input.parsed.rejected);
  const payload = writePayload({ v: 4, presentFields: input.parsed.presentFields, parseRejected, preview: summary }, input.parsed.rows);
  const batch = db
    .insert(importBatches)
    .values({ teamId: input.teamId, createdById: input.actorMemberId, fileName: input.fileName.slice(0, 200), status: "previewed", payload, createdAt: input.now.getTime() })
    .returning({ id: importBatches.id })
    .get();
  remember(db, batch.id, input.parsed.rows, input.now.getTime());
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
export function confirmImportBatch(
  db: Db,
  input: { batchId: number; actor: BatchActor; mode: ImportMode; now: Date; onApplied?: (applied: { fileName: string; movedTo: MovedClients }) => void },
): ConfirmResult {
  return db.$client.transaction((): ConfirmResult => {
    const batch = db
      .select({ id: importBatches.id, teamId: importBatches.teamId, createdById: importBatches.createdById, status: importBatches.status, fileName: importBatches.fileName })
      .from(importBatches)
      .where(eq(importBatches.id, input.batchId))
      .get();
    if (!batch || batch.teamId !== input.actor.teamId) return { ok: false, reason: "not_found" };
    if (!mayTouch(batch, input.actor)) return { ok: false, reason: "forbidden" };
    if (batch.status === "applied") return { ok: false, reason: "applied" };
    if (batch.status === "cancelled") return { ok: false, reason: "cancelled" };
    const payload = loadPayloadHeaderAndRows(db, batch.id, input.now.getTime());
    const header = payload.header;
    if (!header) return { ok: false, reason: "not_found" };
    // The rules are those of whoever sent the file: a lead confirming a manager's file does not widen it.
    const result = applyInTransaction(db, {
      teamId: batch.teamId,
      actorMemberId: batch.createdById,
      rows: payload.rows,
      mode: input.mode,
      now: input.now,
      presentFields: header.presentFields,
      parseRejected: header.parseRejected,
      batchId: batch.id,
      ...(header.ownerChoices ? { ownerChoices: header.ownerChoices } : {}),
      ...(header.noteChoice ? { noteChoice: header.noteChoice } : {}),
    });
    if (!result.ok) return { ok: false, reason: "has_rejected", rejected: result.rejected, summary: result.summary };
    forget(db, batch.id);
    db.update(importBatches)
      .set({ status: "applied", appliedAt: input.now.getTime(), payload: JSON.stringify({ v: 0, summary: result.summary, mode: input.mode }) })
      .where(eq(importBatches.id, batch.id))
      .run();
    // In the same transaction: what must follow the import (the new owners' messages) follows it or nothing does.
    input.onApplied?.({ fileName: batch.fileName, movedTo: result.movedTo });
    return { ok: true, summary: result.summary, changedSincePreview: !sameCounts(header.preview, result.summary), fileName: batch.fileName };
  })();
}

export type OwnerChoiceResult =
  | {
      ok: true;
      text: string;
      choice: { memberId: number; memberName: string } | "new";
      rows: number;
      /** The preview as shown, and which of its questions are answered now (to redraw the buttons). */
      preview: ImportSummary;
      parseRejected: number;
      answered: number[];
    }
  | { ok: false; reason: "not_found" | "forbidden" | "applied" | "cancelled" };

type PreviewRefusal = { ok: false; reason: "not_found" | "forbidden" | "applied" | "cancelled" };

/** A previewed batch the actor may still answer questions about, with its header. */
function openPreview(db: Db, batchId: number, actor: BatchActor): { ok: true; payload: string; header: PayloadHeader } | PreviewRefusal {
  const batch = db
    .select({ teamId: importBatches.teamId, createdById: importBatches.createdById, status: importBatches.status, payload: importBatches.payload })
    .from(importBatches)
    .where(eq(importBatches.id, batchId))
    .get();
  if (!batch || batch.teamId !== actor.teamId) return { ok: false, reason: "not_found" };
  if (!mayTouch(batch, actor)) return { ok: false, reason: "forbidden" };
  if (batch.status === "applied") return { ok: false, reason: "applied" };
  if (batch.status === "cancelled") return { ok: false, reason: "cancelled" };
  const header = readHeader(batch.payload);
  return header ? { ok: true, payload: batch.payload, header } : { ok: false, reason: "not_found" };
}

/** Replaces the batch's header line (the lead's answers), leaving its rows as they are. */
function rewriteHeader(db: Db, batchId: number, payload: string, header: PayloadHeader): void {
  const end = payload.indexOf("\n");
  const next = writePayload(header, []) + (end < 0 ? "" : payload.slice(end));
  db.update(importBatches).set({ payload: next }).where(eq(importBatches.id, batchId)).run();
}

/**
 * The lead answers one "did you mean" of a preview: the owner text is that member, or a new person. The
 * answer is kept in the batch's header; confirming the batch plans with it. Nothing else is written.
 */
export function chooseImportOwner(db: Db, input: { batchId: number; actor: BatchActor; index: number; memberChosen: boolean }): OwnerChoiceResult {
  return db.$client.transaction((): OwnerChoiceResult => {
    const open = openPreview(db, input.batchId, input.actor);
    if (!open.ok) return open;
    const { header } = open;
    const near = header.preview.nearMisses?.[input.index];
    if (!near) return { ok: false, reason: "not_found" };
    const choices = { ...header.ownerChoices, [near.text]: input.memberChosen ? near.memberId : ("new" as const) };
    rewriteHeader(db, input.batchId, open.payload, { ...header, ownerChoices: choices });
    const answered = header.preview.nearMisses.flatMap((m, i) => (m.text in choices ? [i] : []));
    return {
      ok: true,
      text: near.text,
      choice: input.memberChosen ? { memberId: near.memberId, memberName: near.memberName } : "new",
      rows: near.count,
      preview: header.preview,
      parseRejected: header.parseRejected,
      answered,
    };
  })();
}

export type NoteAction = { keep: "all" | "none" } | { toggle: number } | { view: true };

export type NoteChoiceResult =
  | { ok: true; items: ImportSummary["noteFindings"]["items"]; total: number; choice: NoteChoice; preview: ImportSummary; parseRejected: number }
  | { ok: false; reason: "not_found" | "forbidden" | "applied" | "cancelled" };

/**
 * The lead keeps all, none or some of the commitments the preview found in the notes. Only the batch's
 * header changes; confirming the batch writes what was kept. `toggle` takes a listed item's position.
 */
export function chooseImportNotes(db: Db, input: { batchId: number; actor: BatchActor; action: NoteAction }): NoteChoiceResult {
  return db.$client.transaction((): NoteChoiceResult => {
    const open = openPreview(db, input.batchId, input.actor);
    if (!open.ok) return open;
    const { header } = open;
    const found = header.preview.noteFindings;
    if (!found || found.total === 0) return { ok: false, reason: "not_found" };
    let choice: "all" | "none" | number[] = header.noteChoice ?? "none";
    if ("keep" in input.action) choice = input.action.keep;
    else if ("toggle" in input.action) {
      const item = found.items[input.action.toggle];
      if (!item || input.action.toggle >= MAX_NOTE_ITEMS) return { ok: false, reason: "not_found" };
      const current = new Set(choice === "all" ? found.items.map((i) => i.index) : choice === "none" ? [] : choice);
      if (current.has(item.index)) current.delete(item.index);
      else current.add(item.index);
      choice = [...current].sort((a, b) => a - b);
    }
    if (!("view" in input.action)) rewriteHeader(db, input.batchId, open.payload, { ...header, noteChoice: choice });
    return { ok: true, items: found.items, total: found.total, choice, preview: header.preview, parseRejected: header.parseRejected };
  })();
}

export type CancelResult = "cancelled" | "not_found" | "forbidden" | "applied" | "already_cancelled";

export function cancelImportBatch(db: Db, input: { batchId: number; actor: BatchActor }): CancelResult {
  return db.$client.transaction((): CancelResult => {
    const batch = db
      .select({ id: importBatches.id, teamId: importBatches.teamId, createdById: importBatches.createdById, status: importBatches.status })
      .from(importBatches)
      .where(eq(importBatches.id, input.batchId))
      .get();
    if (!batch || batch.teamId !== input.actor.teamId) return "not_found";
    if (!mayTouch(batch, input.actor)) return "forbidden";
    if (batch.status === "applied") return "applied";
    if (batch.status === "cancelled") return "already_cancelled";
    db.update(importBatches).set({ status: "cancelled", payload: "{}" }).where(eq(importBatches.id, batch.id)).run();
    forget(db, batch.id);
    return "cancelled";
  })();
}

/**
 * The header is short; the rows come from memory when the preview was made by this process, else they
 * are read from the stored payload one block at a time.
 */
function loadPayloadHeaderAndRows(db: Db, batchId: number, now: number): { header: PayloadHeader | null; rows: Iterable<ImportRow> } {
  const recent = recall(db, batchId, now);
  if (recent) {
    const head = importStatements(db).payloadHeader.get(batchId) as string | null;
    return { header: head ? readHeader(head) : null, rows: recent };
  }
  const payload = db.select({ payload: importBatches.payload }).from(importBatches).where(eq(importBatches.id, batchId)).get()?.payload ?? "";
  return { header: readHeader(payload), rows: readRows(payload) };
}

function sameCounts(a: ImportSummary, b: ImportSummary): boolean {
  return a.created === b.created && a.updated === b.updated && a.unchanged === b.unchanged && a.rejected === b.rejected && a.unassigned === b.unassigned;
}
