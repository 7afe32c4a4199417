import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsvForExcel } from "../../../src/clients/import/csv-export.js";
import { parseOk } from "./helpers.js";

describe("toCsvForExcel", () => {
  it("writes byte for byte what csv-stringify writes with the same options (the writer it replaced)", () => {
    const reference = (headers: string[], rows: (string | number | null)[][]) =>
      Buffer.from(stringify([headers, ...rows], { bom: true, delimiter: ";", record_delimiter: "windows", quote_record_delimiter: true, escape_formulas: true }), "utf8");
    // Texts made mostly of the characters that matter: separators, quotes, line ends, formula starts.
    const text = fc.string({ unit: fc.constantFrom(..."a;\"\r\n\t=+-@'Я😀 \uFF1D\uFF0B\uFF0D\uFF20"), maxLength: 8 });
    const value = fc.oneof(text, fc.string({ maxLength: 6 }), fc.constant(null), fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 6 }), (headers, rows) => {
        expect(toCsvForExcel(headers, rows).equals(reference(headers, rows))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes UTF-8 with a BOM, ';' separators and CRLF line ends", () => {
    const buf = toCsvForExcel(["ФИО", "Телефон"], [["Иванов Иван", "79161234567"]]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString("utf8")).toBe("ФИО;Телефон\r\nИванов Иван;79161234567\r\n");
  });

  it("quotes cells holding ';', quotes or line breaks", () => {
    const text = toCsvForExcel(["a", "b", "c", "d"], [["x;y", 'ООО "Ромашка"', "строка 1\nстрока 2", "cr\ronly"]]).toString("utf8");
    expect(text).toBe('\ufeffa;b;c;d\r\n"x;y";"ООО ""Ромашка""";"строка 1\nстрока 2";"cr\ronly"\r\n');
  });

  it("neutralises formula injection in text cells but leaves numbers alone", () => {
    const text = toCsvForExcel(["v"], [["=HYPERLINK(\"http://evil\")"], ["+79161234567"], ["-1+2"], ["@SUM(A1)"], ["\tx"], ["\rx"], [-5], [3.5], [null]]).toString("utf8");
    expect(text.split("\r\n").slice(1, -1)).toEqual([`"'=HYPERLINK(""http://evil"")"`, "'+79161234567", "'-1+2", "'@SUM(A1)", "'\tx", `"'\rx"`, "-5", "3.5", ""]);
  });

  it("neutralises headers too", () => {
    expect(toCsvForExcel(["=cmd"], []).toString("utf8")).toBe("\ufeff'=cmd\r\n");
  });

  it("round-trips through the importer, emoji and markup intact", async () => {
    const buf = toCsvForExcel(["ФИО", "Компания", "Примечание"], [["Иван <b>😀</b>", 'ООО "Ромашка"; филиал', "строка 1\nстрока 2"]]);
    const r = await parseOk(buf);
    expect(r.encoding).toBe("utf-8-bom");
    expect(r.rows[0]).toMatchObject({ name: "Иван <b>😀</b>", company: 'ООО "Ромашка"; филиал', notes: "строка 1\nстрока 2" });
  });
});
