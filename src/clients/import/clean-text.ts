// Cell -> clean text. Only what would corrupt storage or layout is removed (control characters, stray
// line breaks in one-line fields); `<`, `&`, `_`, `*`, emoji and RTL text stay exactly as typed —
// escaping them is the display layer's job.
import type { RawCell } from "./types.js";

// C0/C1 controls except tab, LF and CR, which are handled per field kind below.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LINE_BREAKS_AND_TABS = /\s*[\t\r\n]+\s*/g;
const CRLF = /\r\n?/g;
// Excel users (and a few CRMs) write ="0123" to keep leading zeros; the value is what is inside.
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;
const DOUBLED_QUOTE = /""/g;
const NON_SPACE = /\S/;

/** The text a user would see in the cell; dates become 'YYYY-MM-DD'. Not trimmed or cleaned yet. */
export function cellToText(cell: RawCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") {
    const m = cell.length > 2 && cell.charCodeAt(0) === 0x3d ? EXCEL_TEXT_FORMULA.exec(cell) : null;
    return m ? m[1]!.replace(DOUBLED_QUOTE, '"') : cell;
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isNaN(cell.getTime()) ? "" : isoDateOfUtc(cell);
}

export function isoDateOfUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** One-line text: controls removed, line breaks and tabs become one space, trimmed. */
export function cleanLine(text: string): string {
  if (!ANY_CONTROL.test(text)) return text.trim();
  return text.replace(CONTROL, "").replace(LINE_BREAKS_AND_TABS, " ").trim();
}

/** Multi-line text (notes): controls removed, line breaks kept as "\n", trimmed. */
export function cleanMultiline(text: string): string {
  if (!ANY_CONTROL.test(text)) return text.trim();
  return text.replace(CRLF, "\n").replace(CONTROL, "").trim();
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. `text.length > max` tells whether it will. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

/**
 * `text.toLowerCase()`, without a copy when nothing changes. Cut from a file's text, an e-mail or a CRM id
 * is usually held as a two-byte string (the file has Cyrillic elsewhere), and V8 lower-cases those on
 * its slow path even when they are plain ASCII: asking first is several times cheaper.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return text.toLowerCase();
  }
  return text;
}

/**
 * `text` as a string of its own. V8 keeps a substring of 13 or more characters as a view into the string it
 * was cut from, so a name cut from a decoded slice of a file would keep the whole slice alive as long as the
 * row: 100,000 rows kept every slice, twice the file's size as UTF-16. A kept value is copied once instead
 * (joined from two halves and read, which leaves V8 a fresh flat string); short ones are copies already.
 */
export function ownCopy(text: string): string {
  if (text.length < 13) return text;
  const half = text.length >> 1;
  const copy = text.slice(0, half) + text.slice(half);
  copy.charCodeAt(0);
  return copy;
}

/** Empties a scratch array. Setting `length` is a runtime call in V8, so it is skipped when already empty. */
export function clear(list: unknown[]): void {
  if (list.length > 0) list.length = 0;
}

export function isBlankCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return !NON_SPACE.test(cell);
  return false;
}
