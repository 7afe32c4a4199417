import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../../src/clients/import/detect-delimiter.js";
import { findBrokenQuote, guessDelimiterByCounts, readCsvRows, scanRecords } from "../../../src/clients/import/read-csv.js";
import { csv, parseFail, parseOk } from "./helpers.js";

describe("delimiters", () => {
  it.each([
    [";", "semicolon (Russian Excel)"],
    [",", "comma"],
    ["\t", "tab"],
  ])("detects %j (%s)", async (d) => {
    const r = await parseOk(csv(["ФИО", "Компания", "Телефон"].join(d), ["Иванов Иван", "Ромашка", "89161234567"].join(d)));
    expect(r.delimiter).toBe(d);
    expect(r.rows[0]).toMatchObject({ name: "Иванов Иван", company: "Ромашка", phones: ["+79161234567"] });
  });

  it("ignores delimiters inside quotes when detecting", () => {
    // The header has 2 semicolons; the quoted cells are stuffed with commas.
    const text = csv('ФИО;Примечание;Телефон', '"Иванов, Иван";"a, b, c, d, e, f";1', '"Петров, Пётр";"g, h, i, j, k";2');
    expect(detectDelimiter(text)).toBe(";");
  });

  it("is not fooled by commas in notes of a semicolon file", async () => {
    const r = await parseOk(
      csv("ФИО;Примечание", "Иванов Иван;звонить утром, до 11, не в пятницу", "Петров Пётр;любит, когда коротко"),
    );
    expect(r.delimiter).toBe(";");
    expect(r.rows[0]!.notes).toBe("звонить утром, до 11, не в пятницу");
  });

  it("is not fooled by a title line above the header", async () => {
    const r = await parseOk(csv("Выгрузка контактов от 01.06.2026", "ФИО,Телефон,Компания", "Иванов Иван,89161234567,Ромашка"));
    expect(r.delimiter).toBe(",");
    expect(r.rows[0]!.company).toBe("Ромашка");
  });

  it("finds the header under a title and a row of empty cells, and in a file shorter than the rows it searches", async () => {
    const r = await parseOk(csv("Выгрузка контактов", ";;;", "Клиент;Телефон;Компания;Email", "Иванов Иван;89161234567;Ромашка;a@b.ru"));
    expect(r.delimiter).toBe(";");
    expect(r.rows[0]).toMatchObject({ name: "Иванов Иван", company: "Ромашка", email: "a@b.ru" });
    // A sample cut inside a quoted cell: the header above it still decides.
    expect(detectDelimiter('ФИО\tТелефон\n"Иванов\tИван\n')).toBe("\t");
  });

  it("falls back to counting delimiters when no row reads as a header", async () => {
    expect(guessDelimiterByCounts(csv("Отчёт", "a\tb\tc", "1\t2\t3", "4\t5"))).toBe("\t");
    const r = await parseFail(csv("Foo;Bar,baz;Qux", "1;2,5;3", "4;5;6"));
    expect(r).toEqual({ ok: false, error: "no_name_column", headersSeen: ["Foo", "Bar,baz", "Qux"], needed: ["name"] });
  });

  it("detects the delimiter of a big file whose sample ends inside a multi-line quoted cell", async () => {
    const row = (i: number): string => `Клиент ${i},"заметка; с точкой с запятой;\nи переносом; строк ${"ж".repeat(i % 50)}"`;
    const r = await parseOk(csv("ФИО,Примечание", ...Array.from({ length: 3000 }, (_, i) => row(i))));
    expect(r.delimiter).toBe(",");
    expect(r.rows).toHaveLength(3000);
    expect(r.rows[2999]!.notes).toMatch(/^заметка; с точкой с запятой;\nи переносом/);
  });

  it("does not split a one-column file on commas inside names", async () => {
    const r = await parseOk(csv("ФИО", "Иванов, Иван", "Петрова, Мария"));
    expect(r.rows.map((x) => x.name)).toEqual(["Иванов, Иван", "Петрова, Мария"]);
  });
});

describe("quoting, line breaks and row numbers", () => {
  it("keeps line breaks inside quoted cells and numbers rows as Excel does", async () => {
    const r = await parseOk(
      csv("ФИО;Примечание;Телефон", 'Иванов Иван;"первая строка\r\nвторая строка";89161234567', "Петров Пётр;;89161234568"),
    );
    expect(r.rows[0]!.notes).toBe("первая строка\nвторая строка");
    // Excel shows the multi-line record as one row: Петров is on row 3, not 4.
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 3]);
  });

  it("skips blank lines but still counts them, so row numbers match Excel", async () => {
    const r = await parseOk(csv("ФИО;Телефон", "", "Иванов Иван;89161234567", ";", "", "Петров Пётр;89161234568"));
    expect(r.rows.map((x) => [x.name, x.rowNumber])).toEqual([
      ["Иванов Иван", 3],
      ["Петров Пётр", 6],
    ]);
    expect(r.totalRows).toBe(2);
    expect(r.rejected).toEqual([]);
  });

  it("unescapes doubled quotes inside quoted cells", async () => {
    const r = await parseOk(csv("ФИО;Компания", 'Иванов Иван;"ООО ""Ромашка"""'));
    expect(r.rows[0]!.company).toBe('ООО "Ромашка"');
  });

  it("tolerates quotes in the middle of an unquoted cell (hand-made files)", async () => {
    const r = await parseOk(csv("ФИО;Компания", 'Иванов Иван;ООО "Ромашка"', "Петров Пётр;ИП Петров"));
    expect(r.rows[0]!.company).toBe('ООО "Ромашка"');
    expect(r.rows[1]!.company).toBe("ИП Петров");
  });

  it("reads LF-only and CR-only line endings", async () => {
    const lf = await parseOk("ФИО;Телефон\nИванов Иван;89161234567\nПетров Пётр;89161234568\n");
    expect(lf.rows.map((x) => x.rowNumber)).toEqual([2, 3]);
    const cr = await parseOk("ФИО;Телефон\rИванов Иван;89161234567\rПетров Пётр;89161234568\r");
    expect(cr.rows.map((x) => x.name)).toEqual(["Иванов Иван", "Петров Пётр"]);
  });

  it("tolerates ragged rows: missing cells are empty, extra cells ignored", async () => {
    const r = await parseOk(csv("ФИО;Компания;Телефон", "Иванов Иван", "Петров Пётр;ИП Петров;89161234568;лишнее;ещё"));
    expect(r.rows[0]).toMatchObject({ name: "Иванов Иван", company: null, phones: [] });
    expect(r.rows[1]).toMatchObject({ name: "Петров Пётр", company: "ИП Петров", phones: ["+79161234568"] });
  });

  it("skips header rows repeated in the middle of glued exports", async () => {
    const r = await parseOk(csv("ФИО;Телефон", "Иванов Иван;89161234567", "ФИО;Телефон", "Петров Пётр;89161234568"));
    expect(r.rows.map((x) => x.name)).toEqual(["Иванов Иван", "Петров Пётр"]);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("unwraps Excel's =\"...\" text trick", async () => {
    const r = await parseOk(csv("ФИО;ID", 'Иванов Иван;"=""00123"""'));
    expect(r.rows[0]!.externalId).toBe("00123");
  });
});

describe("broken quotes", () => {
  it("refuses a quote that is never closed, naming the row where it opened", async () => {
    const r = await parseFail(csv("ФИО;Компания", "Иванов Иван;Ромашка", 'Петров Пётр;"ИП Петров', "Сидоров;ООО", "Смирнов;АО"));
    expect(r).toEqual({ ok: false, error: "broken_csv", rowNumber: 3 });
  });

  it("refuses a quoted cell followed by garbage instead of silently merging rows", async () => {
    // The stray quote would otherwise swallow the next line up to the next quote.
    const r = await parseFail(csv("ФИО;Компания", '"Иванов Иван;Ромашка', 'Петров Пётр;"ИП" Петров', "Сидоров;ООО"));
    expect(r.error).toBe("broken_csv");
    expect(r.rowNumber).toBe(2);
  });

  it("refuses text right after a closing quote", async () => {
    const r = await parseFail(csv("ФИО;Компания", "Иванов Иван;Ромашка", "", '"Петров" Пётр;ИП'));
    expect(r).toEqual({ ok: false, error: "broken_csv", rowNumber: 4 });
  });

  it("counts rows across quoted line breaks when reporting", () => {
    const text = Buffer.from('a;b\r\n"x\r\ny";1\r\n"z;2\r\n');
    expect(findBrokenQuote(text, ";")).toBe(3);
  });

  it("accepts sound quoting, including empty quoted cells and doubled quotes at the edges", () => {
    expect(findBrokenQuote(Buffer.from('a;b\n"";"""x"""\n"";\n'), ";")).toBeNull();
  });
});

describe("chunked reading", () => {
  // Mixed line endings, blank lines, quoted line breaks and quotes, in one file.
  const text = 'ФИО;Примечание\r\nИванов;"a\r\nb"\n\nПетров;x\rСидоров;"c ""d"";\ne"\r\n;\r\nСмирнов;ООО "Ф"\n';
  const read = (chunkBytes: number): [number, string[]][] => {
    const out: [number, string[]][] = [];
    const r = readCsvRows(Buffer.from(text), ";", (cells, row) => out.push([row, cells]), chunkBytes);
    expect(r).toEqual({ ok: true });
    return out;
  };

  it("gives the same records and row numbers whatever the chunk size", () => {
    const whole = read(1 << 20);
    expect(whole).toEqual([
      [1, ["ФИО", "Примечание"]],
      [2, ["Иванов", "a\r\nb"]],
      [3, [""]],
      [4, ["Петров", "x"]],
      [5, ["Сидоров", 'c "d";\ne']],
      [6, ["", ""]],
      [7, ["Смирнов", 'ООО "Ф"']],
    ]);
    for (const size of [1, 2, 5, 17, 40]) expect(read(size)).toEqual(whole);
  });

  it("cuts chunks only at record starts", () => {
    const bytes = Buffer.from(text);
    const { chunkStarts } = scanRecords(bytes, ";", 1);
    expect(chunkStarts[0]).toBe(0);
    for (const start of chunkStarts.slice(1)) expect([0x0a, 0x0d]).toContain(bytes[start - 1]);
    expect(chunkStarts).toHaveLength(7); // one per record
  });

  it("numbers a broken quote far down the file by its row", async () => {
    const r = await parseFail(csv("ФИО;Телефон", ...Array.from({ length: 50 }, (_, i) => `Клиент ${i};1`), 'Плохой;"x"y'));
    expect(r).toEqual({ ok: false, error: "broken_csv", rowNumber: 52 });
  });

  it("survives a 1 MB cell in a later chunk: capped, warned about, rows still numbered right", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Клиент ${i};${"x".repeat(500)}`);
    const r = await parseOk(csv("ФИО;Примечание", ...rows, `Огромный;${"я".repeat(1_100_000)}`, "Последний;1"));
    expect(r.rows.at(-2)).toMatchObject({ rowNumber: 3002, name: "Огромный" });
    expect(r.rows.at(-2)!.notes).toHaveLength(2000);
    expect(r.rows.at(-1)).toMatchObject({ rowNumber: 3003, name: "Последний", notes: "1" });
    expect(r.warnings).toEqual([{ rowNumber: 3002, code: "too_long", field: "notes", value: "я".repeat(100), severity: "warning" }]);
  });
});

