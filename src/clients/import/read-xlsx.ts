// .xlsx bytes -> rows of plain cells (string | number | Date | boolean | null) from the first visible
// worksheet, streamed: exceljs's WorkbookReader parses the sheet's XML as it is inflated and hands over
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
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  records: readonly ZipRecordSpan[],
  start: (workbook: { date1904: boolean }) => XlsxRowVisitor,
): Promise<XlsxReadResult> {
  // Loaded here, not at the top: a CSV import (and the bot at rest) never pays for exceljs.
  const { default: Excel } = await import("exceljs");
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const source = Readable.from(inReadingOrder(buf, records), { objectMode: false });
  const reader = new Excel.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as BookReader;
  // Cells hold their text inline (no shared strings table in the file): there is nothing to wait for.
  if (!records.some((r) => r.name === "xl/sharedStrings.xml")) reader.sharedStrings = [];

  let fromVisitor: unknown = null;
  let found = false;
  try {
    for await (const sheet of reader) {
      const target = firstVisibleSheet(reader);
      if (target !== undefined && String(sheet.id) !== String(target)) continue; // exceljs skips its bytes
      found = true;
      const visit = start({ date1904: Boolean(reader.properties?.model?.date1904) });
      for await (const row of sheet) {
        // row.values is 1-based and sparse; cells[0] is column A.
        const values = row.values as ExcelJS.CellValue[];
        const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = toRawCell(values[i]);
        try {
          visit(cells, row.number);
        } catch (e) {
          fromVisitor = e;
          throw e;
        }
      }
      break;
    }
  } catch (e) {
    if (fromVisitor !== null && e === fromVisitor) throw e;
    return { ok: false };
  } finally {
    source.destroy();
  }
  return found ? { ok: true } : { ok: false };
}

/** The id of the first sheet in workbook order that is not hidden (or of the first sheet), once known. */
function firstVisibleSheet(reader: BookReader): number | string | undefined {
  const sheets = reader.model?.sheets ?? [];
  return (sheets.find((s) => s.state === undefined || s.state === "visible") ?? sheets[0])?.id;
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
