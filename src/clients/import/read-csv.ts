// CSV/TSV bytes -> rows of cells, handed to a visitor one at a time so a 100k-row file is never held
// as a second array of records. The cells are Papa Parse's (papaparse): about four times faster than
// csv-parse on a 100,000-row file (190 vs 820-960 ms for the text alone, whichever csv-parse options),
// and it parses the decoded text directly, so nothing is re-encoded for it.
//
// Quoting policy: a quote inside an unquoted field is literal, so hand-made files with `ООО "Ромашка"`
// still load. A *broken* quoted field (a stray opening quote would eat the following lines until the
// next quote) is caught before parsing by a linear RFC-4180 check that only looks at fields that start
// with a quote: such a field must end with a quote followed by a delimiter or a line break. If not, the
// whole file is refused with the row number where that field started, instead of importing silently
// merged rows.
import Papa from "papaparse";
import { decodeUtf8, type SliceDecoder } from "./decode-text.js";

export const DELIMITERS = [";", ",", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 20;

/**
 * Statistical guess from the first records (quote-aware): the candidate whose per-record count is the
 * same, and non-zero, in the most records; when none occurs at all, the first candidate.
 * detect-delimiter.ts prefers the header over this and only falls back to it.
 */
export function guessDelimiterByCounts(text: string): Delimiter {
  const counts = DELIMITERS.map(() => [] as number[]);
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  const current = DELIMITERS.map(() => 0);
  const limit = Math.min(text.length, SAMPLE_CHARS);
  let inQuotes = false;
  let lineHasContent = false;
  let records = 0;

  const endRecord = (): void => {
    if (lineHasContent) {
      for (let k = 0; k < codes.length; k++) counts[k]!.push(current[k]!);
      records++;
    }
    current.fill(0);
    lineHasContent = false;
  };

  for (let i = 0; i < limit && records < SAMPLE_RECORDS; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (inQuotes) {
    } else if (c === LF || c === CR) {
      endRecord();
    } else {
      const k = codes.indexOf(c);
      if (k >= 0) current[k]!++;
      if (c !== SPACE) lineHasContent = true;
    }
  }
  if (!inQuotes) endRecord();

  let best: Delimiter | null = null;
  let bestScore = 0;
  for (let k = 0; k < DELIMITERS.length; k++) {
    const frequency = new Map<number, number>();
    for (const n of counts[k]!) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [n, records] of frequency) {
      const score = records * 1000 + Math.min(n, 999);
      if (score > bestScore) {
        best = DELIMITERS[k]!;
        bestScore = score;
      }
    }
  }
  return best ?? DELIMITERS[0];
}

/**
 * Records are decoded and parsed in slices of about this many bytes (see readCsvRows). Measured on the
 * 100,000-row bench file when a slice's records were parsed whole (peak RSS of the whole import under
 * tsx): 1 MB 276-283 MB, 128 KB 267-269, 32 KB 281-289; record by record, 32 KB and 128 KB are alike.
 */
const CHUNK_BYTES = 1 << 17;

export type LineBreak = "\r\n" | "\n" | "\r";

export interface RecordScan {
  /** 1-based record number where a badly quoted field starts, or null when quoting is sound. */
  broken: number | null;
  /**
   * Byte offsets of record starts, beginning with 0: about `chunkBytes` apart, and wherever the kind of
   * line break that ends records changes (a file glued from a Windows and a Unix export).
   */
  chunkStarts: number[];
  /** For each chunk, the line break that ends its records (what the parser is told to split on). */
  lineBreaks: LineBreak[];
}

/**
 * One linear pass over the bytes that (1) checks RFC-4180 quoting of fields that start with a quote
 * and (2) notes record boundaries for chunked parsing. Records are counted as Excel numbers rows: blank
 * lines count, line breaks inside quotes do not. Quotes, delimiters and line breaks are ASCII and never
 * occur inside a multi-byte character (UTF-8) or stand for anything else (single-byte code pages), so
 * bytes are safe to scan.
 */
export function scanRecords(bytes: Uint8Array, delimiter: Delimiter, chunkBytes = CHUNK_BYTES): RecordScan {
  const delim = delimiter.charCodeAt(0);
  const n = bytes.length;
  const chunkStarts = [0];
  const lineBreaks: LineBreak[] = [];
  let chunkBreak: LineBreak | null = null;
  let nextChunk = chunkBytes;
  let record = 1;
  let recordStart = 0;
  let i = 0;
  const done = (broken: number | null): RecordScan => {
    lineBreaks.push(chunkBreak ?? "\n");
    return { broken, chunkStarts, lineBreaks };
  };
  // Where the next quote, LF and CR are (n when none): a record with no quote before its line break ends
  // at that line break, found by indexOf (memchr) instead of a look at every byte. The per-field walk
  // below is only for records with a quote in them.
  let nextQuote = -1;
  let nextLf = -1;
  let nextCr = -1;
  while (i < n) {
    if (i === recordStart) {
      if (nextQuote < i) nextQuote = indexOrEnd(bytes, QUOTE, i);
      if (nextLf < i) nextLf = indexOrEnd(bytes, LF, i);
      if (nextCr < i) nextCr = indexOrEnd(bytes, CR, i);
      const end = nextLf < nextCr ? nextLf : nextCr;
      if (end < nextQuote) i = end;
    }
    if (i >= n) break;
    // A field is quoted only when the quote is its very first character.
    if (bytes[i] === LF || bytes[i] === CR) {
      // The record's line break, reached by the fast path above or by an empty field.
    } else if (bytes[i] === QUOTE) {
      const openedAt = record;
      i++;
      for (;;) {
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) return done(openedAt);
        if (bytes[q + 1] === QUOTE) {
          i = q + 2; // escaped ""
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < n) {
        const c = bytes[i];
        if (c !== delim && c !== LF && c !== CR) return done(openedAt);
      }
    } else {
      // Unquoted field: quotes inside it are literal; run to the next delimiter or line break.
      while (i < n) {
        const c = bytes[i];
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
    }
    if (i >= n) break;
    if (bytes[i] === delim) {
      i++;
      continue;
    }
    // Line break: CRLF, LF or lone CR each end one record.
    const lineBreak: LineBreak = bytes[i] === LF ? "\n" : bytes[i + 1] === LF ? "\r\n" : "\r";
    if (chunkBreak === null) chunkBreak = lineBreak;
    else if (chunkBreak !== lineBreak) {
      // This record ends differently from the chunk's earlier ones: it starts a chunk of its own kind.
      lineBreaks.push(chunkBreak);
      chunkStarts.push(recordStart);
      chunkBreak = lineBreak;
    }
    i += lineBreak.length;
    record++;
    recordStart = i;
    if (i >= nextChunk && i < n) {
      lineBreaks.push(chunkBreak);
      chunkStarts.push(i);
      chunkBreak = null;
      nextChunk = i + chunkBytes;
    }
  }
  return done(null);
}

function indexOrEnd(bytes: Uint8Array, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

export function findBrokenQuote(bytes: Uint8Array, delimiter: Delimiter): number | null {
  return scanRecords(bytes, delimiter).broken;
}

export type CsvRowVisitor = (cells: string[], rowNumber: number) => void;

export type CsvReadResult = { ok: true } | { ok: false; rowNumber: number };

/**
 * Calls `visit` for every record, blank ones included (as `[""]`), with Excel-style row numbers:
 * blank lines are kept by the parser precisely so that record index + 1 is the row Excel shows.
 *
 * The file is decoded and parsed in ~128 KB slices cut at record boundaries found by scanRecords, and
 * each record is visited as the parser cuts it, so records die young instead of being promoted by the
 * garbage collector, and neither the whole file's text nor its records are ever alive at once (the texts
 * a row keeps are copied out of its slice: ownCopy). Each slice's records end with one kind of line
 * break, which is what the parser splits on; other line breaks can then only be inside quoted cells,
 * where they are text.
 */
export function readCsvRows(
  bytes: Uint8Array,
  delimiter: Delimiter,
  visit: CsvRowVisitor,
  chunkBytes = CHUNK_BYTES,
  decode: SliceDecoder = decodeUtf8,
): CsvReadResult {
  const scan = scanRecords(bytes, delimiter, chunkBytes);
  if (scan.broken !== null) return { ok: false, rowNumber: scan.broken };
  let rowNumber = 0;
  for (let c = 0; c < scan.chunkStarts.length; c++) {
    const text = decode(bytes.subarray(scan.chunkStarts[c], scan.chunkStarts[c + 1] ?? bytes.length));
    const newline = scan.lineBreaks[c]!;
    // Record by record (Papa's step): each record is visited as it is cut and dies young. Parsed whole, a
    // slice's thousand records were all alive whenever a scavenge came, so the collector promoted them:
    // ~40 MB of dead records in the old generation by the end of a 100,000-row file, still there while
    // the preview and the confirm ran (peak RSS of the whole import 255-258 MB, now 205-230).
    // A slice ends with a line break, after which the parser sees one more, empty, record: each record is
    // held back until the next one shows it is not that last one.
    const endsWithBreak = text.endsWith(newline);
    let held: string[] | null = null;
    let broken: number | null = null;
    Papa.parse<string[]>(text, {
      delimiter, newline, quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false,
      step: (result, parser) => {
        // The scan has vouched for the quoting, so an error here means the two disagree: refuse, never guess.
        if (result.errors.length > 0) {
          broken = rowNumber + (held === null ? 1 : 2);
          parser.abort();
          return;
        }
        if (held !== null) visit(held, ++rowNumber);
        held = result.data;
      },
    });
    if (broken !== null) return { ok: false, rowNumber: broken };
    if (held !== null && !endsWithBreak) visit(held, ++rowNumber);
  }
  return { ok: true };
}
