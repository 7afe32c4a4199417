import { describe, expect, it } from "vitest";
import { toCsvForExcel } from "../../../src/clients/import/csv-export.js";
import { parseOk } from "./helpers.js";

describe("toCsvForExcel", () => {
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
