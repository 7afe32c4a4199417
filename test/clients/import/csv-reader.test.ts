// The CSV reader against csv-parse (the parser it replaced) as the reference, and the byte-level
// decoding it relies on.
import { parse as csvParse } from "csv-parse/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../../src/clients/import/decode-text.js";
import { readCsvRows, scanRecords, type Delimiter } from "../../../src/clients/import/read-csv.js";

/** What csv-parse, with the options the reader used to give it, makes of the same text. */
function reference(text: string, delimiter: Delimiter): string[][] {
  return csvParse(text, {
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
}

function read(text: string, delimiter: Delimiter, chunkBytes?: number): string[][] | { broken: number } {
  const records: string[][] = [];
  const result = readCsvRows(Buffer.from(text, "utf8"), delimiter, (cells, row) => {
    expect(row).toBe(records.length + 1);
    records.push(cells);
  }, chunkBytes);
  return result.ok ? records : { broken: result.rowNumber };
}

// Cells made of the characters that matter to a CSV reader, plus Cyrillic and a quote in the middle.
const plainCell = fc.array(fc.constantFrom("a", "Я", " ", '"', ",", "\t", "ё"), { maxLength: 6 }).map((cs) => cs.join(""));
const quotedCell = fc
  .array(fc.constantFrom("b", "Ж", ";", ",", "\t", '""', "\r\n", "\n", "\r", " "), { maxLength: 6 })
  .map((cs) => `"${cs.join("")}"`);
const lineBreak = fc.constantFrom("\r\n", "\n", "\r");

describe("CSV reader", () => {
  it("reads what csv-parse read, record for record, whatever the line breaks and chunk sizes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(";", ",", "\t"),
        fc.array(fc.tuple(fc.array(fc.oneof(plainCell, quotedCell), { minLength: 1, maxLength: 4 }), lineBreak), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom(1, 7, 64, 1 << 20),
        (delimiter, lines, lastBreak, chunkBytes) => {
          // A plain cell must not contain the delimiter or a line break (it would be two cells).
          const cells = lines.map(([cs, br]) => [cs.map((c) => (c.startsWith('"') ? c : c.split(delimiter).join("x"))), br] as const);
          const text = cells.map(([cs, br], i) => cs.join(delimiter) + (i < cells.length - 1 || lastBreak ? br : "")).join("");
          // Plain cells starting with a quote would be quoted ones: keep them out.
          fc.pre(cells.every(([cs]) => cs.every((c) => !c.startsWith('"') || /^"([^"]|"")*"$/.test(c))));
          expect(read(text, delimiter, chunkBytes)).toEqual(reference(text, delimiter));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("cuts a chunk where the records' line breaks change, and parses each with its own", () => {
    const text = 'a;b\r\nc;"d\ne"\r\n1;2\n3;4\n5;6\r7\r';
    const bytes = Buffer.from(text);
    const scan = scanRecords(bytes, ";");
    expect(scan.chunkStarts).toEqual([0, text.indexOf("1;2"), text.indexOf("5;6")]);
    expect(scan.lineBreaks).toEqual(["\r\n", "\n", "\r"]);
    expect(read(text, ";")).toEqual(reference(text, ";"));
  });
});

describe("decoding slices", () => {
  it.each(["windows-1251", "koi8-r", "iso-8859-5"])("decodes every byte of %s as iconv-lite does", (encoding) => {
    const text = "Иванов Иван Петрович;ООО «Ромашка»;заметка ".repeat(40);
    const all = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    const bytes = Buffer.concat([iconv.encode(text, encoding), all]);
    const decoded = decodeText(bytes);
    expect(decoded.ok && decoded.encoding).toBe(encoding);
    if (decoded.ok) expect(decoded.decode(bytes)).toBe(iconv.decode(bytes, encoding));
  });
});
