// .xlsx bytes -> rows of plain cells (string | number | Date | boolean | null) from the first visible
// worksheet. Call only after zip-guard has accepted the bytes.
import ExcelJS from "exceljs";
import type { RawCell } from "./types.js";

export type XlsxRowVisitor = (cells: RawCell[], rowNumber: number) => void;
export type XlsxReadResult = { ok: true } | { ok: false };

/** `start` is called once the workbook is loaded, with its date system, and returns the row visitor. */
export async function readXlsxRows(
  bytes: Uint8Array,
  start: (workbook: { date1904: boolean }) => XlsxRowVisitor,
): Promise<XlsxReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` interface; a Node Buffer view over the same memory is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false };
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible") ?? workbook.worksheets[0];
  if (!sheet) return { ok: false };
  const visit = start({ date1904: Boolean(workbook.properties?.date1904) });
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse; cells[0] is column A.
    const values = row.values as ExcelJS.CellValue[];
    const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = toRawCell(values[i]);
    visit(cells, rowNumber);
  });
  return { ok: true };
}

/** Rich text, hyperlinks and formulas become what the user sees in the cell: text or the cached result. */
export function toRawCell(value: ExcelJS.CellValue | { richText: ExcelJS.RichText[] }): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) {
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
