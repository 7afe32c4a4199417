// .xlsx bytes -> rows of plain cells (string | number | Date | boolean | null) from the first visible
// worksheet with data, streamed: exceljs's WorkbookReader parses the sheet's XML as it is inflated and hands over
// one row at a time, so memory stays flat with the size of the sheet (the whole-workbook loader held
// the inflated XML and a cell object for every cell: 700-800 MB for 100,000 rows). Call only after
// zip-guard has accepted the bytes and laid out its records.
//
// A streaming reader meets the zip's entries in file order, and Excel writes the sheets before the
// shared strings and the styles. exceljs then parks each sheet in a temporary file until the shared
// strings have come by (personal data on disk, and a second pass). The file is in memory anyway, so the
// reader is handed its records in the order it needs them instead: workbook and its relations (sheet
// names, hidden sheets, the 1904 date system), styles (which numbers are dates), shared strings, then
// the rest as they were. Nothing is copied: the stream is made of views into the file's bytes.
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { RawCell } from "./types.js";
import type { ZipRecordSpan } from "./zip-guard.js";

/** exceljs's streaming reader, as its own module exports it (the library's types describe it under `stream.xlsx`). */
type BookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;

export type XlsxRowVisitor = (cells: RawCell[], rowNumber: number) => void;
export type XlsxReadResult = { ok: true } | { ok: false };

const READ_FIRST = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
/** The stream is fed in pieces of this size, so the unzipper buffers no more than that. */
const PIECE_BYTES = 64 * 1024;

/** What this module reads of exceljs's streaming reader beyond its published types. */
interface SheetReader extends ExcelJS.stream.xlsx.WorksheetReader {
  id: number | string;
}
interface BookReader {
  [Symbol.asyncIterator](): AsyncGenerator<SheetReader>;
  /** workbook.xml: the sheets in workbook order, with their ids and states. */
  model?: { sheets?: { id: number | string; state?: string }[] };
  /** workbook.xml's <workbookPr>. */
  properties?: { model?: { date1904?: boolean } };
  /** The shared strings table; the reader parks sheets on disk while it is unset. */
  sharedStrings?: unknown[];
}

/**
 * `start` is called once the workbook's properties are known (before the first row), with its date
 * system, and returns the row visitor. Errors thrown by the visitor (StopReading) are passed through;
 * a workbook exceljs cannot read gives `{ ok: false }`.
 *
 * The rows come from the first visible sheet (in the workbook's tab order) that has a non-empty cell: an
 * empty «Лист1» before the clients' sheet is passed over. Sheets arrive in the zip's order, which is
 * usually the tab order; when a later tab arrives first, it is only looked at (rows not kept), and read
 * in a second pass if every tab before it turns out empty.
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  records: readonly ZipRecordSpan[],
  start: (workbook: { date1904: boolean }) => XlsxRowVisitor,
): Promise<XlsxReadResult> {
  // Loaded here, not at the top: a CSV import (and the bot at rest) never pays for exceljs. Only its
  // streaming reader and what that needs, not the whole library (writers, CSV, the in-memory workbook):
  // 18 MB resident instead of 27, which an XLSX import's peak carries to the end.
  const { default: WorkbookReader } = await import("exceljs/lib/stream/xlsx/workbook-reader.js");
  let visit: XlsxRowVisitor | null = null;
  const startOnce = (workbook: { date1904: boolean }): XlsxRowVisitor => (visit ??= start(workbook));
  let pass = await readPass(WorkbookReader, bytes, records, startOnce, null);
  if (pass.kind === "later") pass = await readPass(WorkbookReader, bytes, records, startOnce, pass.sheetId);
  if (pass.kind === "unreadable" || pass.kind === "later") return { ok: false };
  // No sheet with data: the table is told so by having seen no rows ("empty").
  if (pass.kind === "no_data") startOnce({ date1904: pass.date1904 });
  return { ok: true };
}

type SheetId = number | string;
type PassResult = { kind: "read" } | { kind: "no_data"; date1904: boolean } | { kind: "later"; sheetId: SheetId } | { kind: "unreadable" };

/** One pass over the zip: reads `target`, or (null) the first visible sheet with data it can reach. */
async function readPass(
  WorkbookReader: BookReaderClass,
  bytes: Uint8Array,
  records: readonly ZipRecordSpan[],
  start: (workbook: { date1904: boolean }) => XlsxRowVisitor,
  target: SheetId | null,
): Promise<PassResult> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const source = Readable.from(inReadingOrder(buf, records), { objectMode: false });
  const reader = new WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as BookReader;
  // Cells hold their text inline (no shared strings table in the file): there is nothing to wait for.
  if (!records.some((r) => r.name === "xl/sharedStrings.xml")) reader.sharedStrings = [];

  const date1904 = () => Boolean(reader.properties?.model?.date1904);
  /** Sheets seen, by id: whether each has data. */
  const seen = new Map<string, boolean>();
  let fromVisitor: unknown = null;
  try {
    for await (const sheet of reader) {
      const id = String(sheet.id);
      const tabs = visibleSheets(reader);
      if (target !== null ? id !== String(target) : !tabs.includes(id)) continue; // exceljs skips its bytes
      // A tab before this one has not come by yet: this one is only looked at.
      const earlierUnseen = target === null && tabs.slice(0, tabs.indexOf(id)).some((t) => seen.get(t) !== false);
      let visit: XlsxRowVisitor | null = null;
      let hasData = false;
      for await (const row of sheet) {
        // row.values is 1-based and sparse; cells[0] is column A.
        const values = row.values as ExcelJS.CellValue[];
        const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = toRawCell(values[i]);
        if (!hasData) hasData = target !== null || cells.some(isFilled);
        if (!hasData || earlierUnseen) continue; // blank rows before the data, or a tab only looked at
        visit ??= start({ date1904: date1904() });
        try {
          visit(cells, row.number);
        } catch (e) {
          fromVisitor = e;
          throw e;
        }
      }
      if (target !== null || (hasData && !earlierUnseen)) return { kind: "read" };
      seen.set(id, hasData);
      const next = tabs.find((t) => seen.get(t) !== false);
      if (next !== undefined && seen.get(next) === true) return { kind: "later", sheetId: next };
    }
  } catch (e) {
    if (fromVisitor !== null && e === fromVisitor) throw e;
    return { kind: "unreadable" };
  } finally {
    source.destroy();
  }
  if (target !== null) return { kind: "unreadable" };
  // A tab before the one with data never came (a broken file): take the one with data.
  const withData = visibleSheets(reader).find((t) => seen.get(t) === true);
  if (withData !== undefined) return { kind: "later", sheetId: withData };
  return reader.model?.sheets?.length ? { kind: "no_data", date1904: date1904() } : { kind: "unreadable" };
}

function isFilled(cell: RawCell): boolean {
  return cell !== null && (typeof cell !== "string" || cell.trim() !== "");
}

/** The ids of the sheets not hidden, in tab order (all sheets when every one is hidden), once known. */
function visibleSheets(reader: BookReader): string[] {
  const sheets = reader.model?.sheets ?? [];
  const visible = sheets.filter((s) => s.state === undefined || s.state === "visible");
  return (visible.length > 0 ? visible : sheets).map((s) => String(s.id));
}

/** The file's local records, those the reader needs first moved to the front; then the central directory. */
function* inReadingOrder(buf: Buffer, records: readonly ZipRecordSpan[]): Generator<Buffer> {
  const first = READ_FIRST.flatMap((name) => records.filter((r) => r.name === name));
  const rest = records.filter((r) => !READ_FIRST.includes(r.name));
  for (const r of [...first, ...rest]) yield* pieces(buf, r.start, r.end);
  yield* pieces(buf, records.at(-1)?.end ?? 0, buf.length);
}

function* pieces(buf: Buffer, start: number, end: number): Generator<Buffer> {
  for (let at = start; at < end; at += PIECE_BYTES) yield buf.subarray(at, Math.min(end, at + PIECE_BYTES));
}

/**
 * A copy of a cell's text. The XML parser cuts cell texts out of the ~16 KB strings it decodes the sheet
 * into, and V8 keeps such a cut as a view that holds the whole string alive: a row that keeps a name
 * would keep 16 KB of markup, and 100,000 rows the whole inflated sheet (measured: 165 MB of heap for
 * a 53 MB sheet, 64 MB with copies). Short strings are copied by V8 itself.
 */
function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** Rich text, hyperlinks and formulas become what the user sees in the cell: text or the cached result. */
export function toRawCell(value: ExcelJS.CellValue | { richText: ExcelJS.RichText[] }): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return detached(value);
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) {
    return value;
  }
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) {
    // exceljs may hand hyperlink text over as rich text.
    const text = value.text as unknown;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) return toRawCell(text as { richText: ExcelJS.RichText[] });
    return value.hyperlink.replace(/^mailto:/i, "");
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || (typeof result === "object" && !(result instanceof Date))) return null; // #N/A etc.
    return result;
  }
  return null; // error values
}
