// CSV/TSV text -> rows of cells, handed to a visitor one at a time so a 100k-row file is never held
// as a second array of records.
//
// Quoting policy: csv-parse runs with relax_quotes so that hand-made files with `ООО "Ромашка"` in an
// unquoted field still load. relax_quotes would also swallow a *broken* quoted field (a stray opening
// quote eats the following lines until the next quote), so before parsing we run a linear RFC-4180
// check that only looks at fields that start with a quote: such a field must end with a quote
// followed by a delimiter or a line break. If not, the whole file is refused with the row number where
// that field started, instead of importing silently merged rows.
import { CsvError, parse, type Options } from "csv-parse/sync";

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
      continue;
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

/** Records are handed to csv-parse in slices of about this many bytes (see readCsvRows). */
const CHUNK_BYTES = 1 << 20;

export interface RecordScan {
  /** 1-based record number where a badly quoted field starts, or null when quoting is sound. */
  broken: number | null;
  /** Byte offsets of record starts about CHUNK_BYTES apart, beginning with 0. */
  chunkStarts: number[];
}

/**
 * One linear pass over UTF-8 bytes that (1) checks RFC-4180 quoting of fields that start with a
 * quote and (2) notes record boundaries for chunked parsing. Records are counted as Excel numbers
 * rows: blank lines count, line breaks inside quotes do not. Quotes, delimiters and line breaks are
 * ASCII and never occur inside a multi-byte character, so bytes are safe to scan.
 */
export function scanRecords(bytes: Uint8Array, delimiter: Delimiter, chunkBytes = CHUNK_BYTES): RecordScan {
  const delim = delimiter.charCodeAt(0);
  const n = bytes.length;
  const chunkStarts = [0];
  let nextChunk = chunkBytes;
  let record = 1;
  let i = 0;
  while (i < n) {
    // A field is quoted only when the quote is its very first character (csv-parse runs without ltrim).
    if (bytes[i] === QUOTE) {
      const openedAt = record;
      i++;
      for (;;) {
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) return { broken: openedAt, chunkStarts };
        if (bytes[q + 1] === QUOTE) {
          i = q + 2; // escaped ""
          continue;
        }
        i = q + 1;
        break;
      }
      if (i < n) {
        const c = bytes[i];
        if (c !== delim && c !== LF && c !== CR) return { broken: openedAt, chunkStarts };
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
    i += bytes[i] === CR && bytes[i + 1] === LF ? 2 : 1;
    record++;
    if (i >= nextChunk && i < n) {
      chunkStarts.push(i);
      nextChunk = i + chunkBytes;
    }
  }
  return { broken: null, chunkStarts };
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
 * The file is parsed in ~1 MB slices cut at record boundaries found by scanRecords: the records of a
 * slice are visited and dropped before the next slice is parsed, so they die young instead of all
 * 100k of them being promoted by the garbage collector (and only one slice of records is alive at a
 * time). csv-parse's per-record callback would achieve the same but costs a context object per row.
 */
export function readCsvRows(utf8: Uint8Array, delimiter: Delimiter, visit: CsvRowVisitor, chunkBytes = CHUNK_BYTES): CsvReadResult {
  const scan = scanRecords(utf8, delimiter, chunkBytes);
  if (scan.broken !== null) return { ok: false, rowNumber: scan.broken };
  const buf = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  let rowNumber = 0;
  for (let c = 0; c < scan.chunkStarts.length; c++) {
    const chunk = buf.subarray(scan.chunkStarts[c], scan.chunkStarts[c + 1] ?? buf.length);
    let records: string[][];
    try {
      records = parse(chunk, parseOptions(delimiter));
    } catch (e) {
      if (e instanceof CsvError) return { ok: false, rowNumber: rowNumber + (typeof e.records === "number" ? e.records : 0) + 1 };
      throw e;
    }
    for (const record of records) visit(record, ++rowNumber);
  }
  return { ok: true };
}

function parseOptions(delimiter: Delimiter): Options {
  return {
    delimiter,
    // The same line breaks scanRecords counts, whichever comes first in a slice.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // The whole file is at most 20 MB; a row as big as the file is still read (its long cells are cut
    // with a too_long warning) rather than refused as "broken quotes", which it is not.
    max_record_size: 32 * 1024 * 1024,
  };
}
