import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_ZIP_LIMITS, inspectZip } from "../../../src/clients/import/zip-guard.js";
import { parseFail, parseOk, patchDeclaredSize, xlsx, zip } from "./helpers.js";

const HEADER = ["ФИО", "Компания", "Телефон", "Email", "Дата последнего контакта", "Следующий контакт", "Обещания"];

describe("xlsx", () => {
  it("reads typed cells: Date cells, serial numbers in date columns, numbers as phones", async () => {
    const file = await xlsx([HEADER, ["Иванов Иван", "Ромашка", 89161234567, "ivan@mail.ru", new Date(Date.UTC(2026, 4, 20)), 46351, "договор до 30.11"]]);
    const r = await parseOk(file, "clients.xlsx");
    expect(r.encoding).toBe("xlsx");
    expect(r.delimiter).toBeUndefined();
    expect(r.rows[0]).toEqual({
      rowNumber: 2,
      name: "Иванов Иван",
      company: "Ромашка",
      phones: ["+79161234567"],
      email: "ivan@mail.ru",
      externalId: null,
      owner: null,
      temperature: "warm",
      lastContactOn: "2026-05-20",
      nextContactOn: "2026-11-25",
      notes: null,
      commitments: [{ kind: "promise", text: "договор", dueOn: "2026-11-30" }],
    });
  });

  it("reads formula results, hyperlinks and rich text as the text the user sees", async () => {
    const file = await xlsx([HEADER, []], (ws) => {
      ws.getCell("A2").value = { richText: [{ text: "Иванов " }, { text: "Иван", font: { bold: true } }] };
      ws.getCell("B2").value = { formula: 'CONCATENATE("ООО ","Ромашка")', result: "ООО Ромашка" };
      ws.getCell("C2").value = { formula: "79161234567+0", result: 79161234567 };
      ws.getCell("D2").value = { text: "Ivan@Mail.ru", hyperlink: "mailto:Ivan@Mail.ru" };
      ws.getCell("E2").value = { formula: "DATE(2026,5,20)", result: new Date(Date.UTC(2026, 4, 20)) };
    });
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows[0]).toMatchObject({
      name: "Иванов Иван",
      company: "ООО Ромашка",
      phones: ["+79161234567"],
      email: "ivan@mail.ru",
      lastContactOn: "2026-05-20",
    });
  });

  it("treats a formula error as an empty cell", async () => {
    const file = await xlsx([HEADER, []], (ws) => {
      ws.getCell("A2").value = "Иванов Иван";
      ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    });
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows[0]!.company).toBeNull();
  });

  it("keeps Excel's own row numbers, with blank rows and a title above the header", async () => {
    const file = await xlsx([], (ws) => {
      ws.getCell("A1").value = "Клиенты отдела продаж";
      ws.getRow(3).values = ["ФИО", "Телефон"];
      ws.getRow(4).values = ["Иванов Иван", "89161234567"];
      ws.getRow(7).values = ["Петров Пётр", "89161234568"];
      ws.getRow(8).values = [null, "89161112233"];
    });
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows.map((x) => [x.name, x.rowNumber])).toEqual([
      ["Иванов Иван", 4],
      ["Петров Пётр", 7],
    ]);
    expect(r.rejected).toEqual([{ rowNumber: 8, code: "missing_name", field: "name", severity: "error" }]);
  });

  it("reads the first visible worksheet", async () => {
    const file = await xlsx([["мусор"]], (ws, wb) => {
      ws.state = "hidden";
      const visible = wb.addWorksheet("Видимый");
      visible.addRow(["ФИО"]);
      visible.addRow(["Из видимого листа"]);
    });
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows.map((x) => x.name)).toEqual(["Из видимого листа"]);
  });

  it("passes over an empty first sheet to the first one with data", async () => {
    const file = await xlsx([], (_ws, wb) => {
      wb.addWorksheet("Пустой, но оформленный").getRow(1).height = 30;
      const data = wb.addWorksheet("Данные");
      data.addRow(["ФИО", "Телефон"]);
      data.addRow(["Иван Петров", "+79161110003"]);
      wb.addWorksheet("Третий").addRow(["ФИО"]);
    });
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows.map((x) => [x.name, x.rowNumber])).toEqual([["Иван Петров", 2]]);
  });

  it("follows the tab order, not the zip's, when a later tab is stored first", async () => {
    // sheet1.xml (stored first) is the second tab; sheet2.xml, the first tab, is empty or has data.
    const twoTabs = (firstTabRows: string[][]) =>
      handMadeXlsx([
        { name: "Клиенты", rows: [["ФИО"], ["Из второй вкладки"]] },
        { name: "Первая", rows: firstTabRows, tab: 0 },
      ]);
    expect((await parseOk(twoTabs([]), "a.xlsx")).rows.map((x) => x.name)).toEqual(["Из второй вкладки"]);
    expect((await parseOk(twoTabs([["ФИО"], ["Из первой вкладки"]]), "a.xlsx")).rows.map((x) => x.name)).toEqual(["Из первой вкладки"]);
  });

  it("calls a workbook of empty sheets empty", async () => {
    const file = await xlsx([], (_ws, wb) => wb.addWorksheet("Второй"));
    expect((await parseFail(file, "a.xlsx")).error).toBe("empty");
  });

  it("flags an impossible text date in an xlsx cell", async () => {
    const file = await xlsx([HEADER, ["Иванов Иван", null, null, null, "31.02.2026"]]);
    const r = await parseOk(file, "clients.xlsx");
    expect(r.rows[0]!.lastContactOn).toBeNull();
    expect(r.warnings).toEqual([{ rowNumber: 2, code: "bad_date", field: "lastContactOn", value: "31.02.2026", severity: "warning" }]);
  });

  it("refuses a workbook without a name column", async () => {
    const r = await parseFail(await xlsx([["Телефон", "Город"], ["89161234567", "Москва"]]), "clients.xlsx");
    expect(r).toEqual({ ok: false, error: "no_name_column", headersSeen: ["Телефон", "Город"], needed: ["name"] });
  });

  it("refuses an empty workbook and a header-only one as empty", async () => {
    expect((await parseFail(await xlsx([]), "a.xlsx")).error).toBe("empty");
    expect((await parseFail(await xlsx([HEADER]), "a.xlsx")).error).toBe("empty");
  });

  it("detects xlsx by content even when it is named .csv", async () => {
    const r = await parseOk(await xlsx([["ФИО"], ["Иванов Иван"]]), "clients.csv");
    expect(r.encoding).toBe("xlsx");
  });

  it("refuses a truncated xlsx as unreadable_xlsx", async () => {
    const file = await xlsx([HEADER, ["Иванов Иван"]]);
    expect((await parseFail(file.subarray(0, Math.floor(file.length / 2)), "clients.xlsx")).error).toBe("unreadable_xlsx");
  });

  it("refuses a zip that is not a workbook: unsupported_type unless it is named .xlsx", async () => {
    const docx = zip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
    expect((await parseFail(docx, "contract.docx")).error).toBe("unsupported_type");
    expect((await parseFail(docx, "clients.xlsx")).error).toBe("unreadable_xlsx");
  });
});

describe("zip bomb guard", () => {
  it("accepts an ordinary workbook", async () => {
    const inspection = await inspectZip(await xlsx([HEADER, ["Иванов Иван"]]));
    expect(inspection.ok).toBe(true);
    if (inspection.ok) expect(inspection.entryNames).toContain("xl/workbook.xml");
  });

  it("refuses a workbook whose central directory declares more than 100 MB", async () => {
    const file = patchDeclaredSize(await xlsx([HEADER, ["Иванов Иван"]]), "xl/worksheets/sheet1.xml", 150 * 1024 * 1024);
    expect(await inspectZip(file)).toEqual({ ok: false, reason: "too_large" });
    expect((await parseFail(file, "clients.xlsx")).error).toBe("xlsx_too_large");
  });

  it("refuses an entry that inflates past what it declares (a lying bomb) before exceljs sees it", async () => {
    const bomb = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 1024 },
    ]);
    expect(await inspectZip(bomb)).toEqual({ ok: false, reason: "too_large" });
    expect((await parseFail(bomb, "clients.xlsx")).error).toBe("xlsx_too_large");
  });

  it("refuses an absurd compression ratio on a big entry", async () => {
    const bomb = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: Buffer.alloc(20 * 1024 * 1024, 0) },
    ]);
    expect(await inspectZip(bomb)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses a sum of honest, incompressible entries over the total limit", async () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/image${i}.bin`, data: randomBytes(600) }));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 1000 };
    expect(await inspectZip(zip(entries.slice(0, 1)), limits)).toMatchObject({ ok: true });
    expect(await inspectZip(zip(entries), limits)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses more entries than the limit", async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from("x") }));
    expect(await inspectZip(zip(entries), { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toEqual({ ok: false, reason: "too_large" });
    expect(await inspectZip(zip(entries.slice(0, 10)), { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toMatchObject({ ok: true });
  });

  it("refuses an entry whose declared size is larger than what it inflates to (corrupt)", async () => {
    const file = zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), declaredSize: 5000 }]);
    expect(await inspectZip(file)).toEqual({ ok: false, reason: "corrupt" });
  });

  it("refuses garbage after a zip signature as corrupt", async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect(await inspectZip(bytes)).toEqual({ ok: false, reason: "corrupt" });
  });

  it("reads stored (uncompressed) entries", async () => {
    const file = zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), store: true }]);
    expect(await inspectZip(file)).toMatchObject({ ok: true, entryNames: ["xl/workbook.xml"] });
  });
});

/** A minimal workbook with inline strings; `tab` puts a sheet at that place in the tab order. */
function handMadeXlsx(sheets: { name: string; rows: string[][]; tab?: number }[]): Buffer {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const order = sheets.map((s, i) => ({ ...s, id: i + 1 }));
  const tabs = [...order].sort((a, b) => (a.tab ?? a.id) - (b.tab ?? b.id));
  const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  const sheetXml = (rows: string[][]) =>
    xml(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
        .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join("")}</row>`)
        .join("")}</sheetData></worksheet>`,
    );
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zip([
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${order
          .map((s) => `<Override PartName="/xl/worksheets/sheet${s.id}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join("")}</Types>`,
      ),
    },
    { name: "_rels/.rels", data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${tabs
          .map((s) => `<sheet name="${esc(s.name)}" sheetId="${s.id}" r:id="rId${s.id}"/>`)
          .join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${order
          .map((s) => `<Relationship Id="rId${s.id}" Type="${R}/worksheet" Target="worksheets/sheet${s.id}.xml"/>`)
          .join("")}</Relationships>`,
      ),
    },
    ...order.map((s) => ({ name: `xl/worksheets/sheet${s.id}.xml`, data: sheetXml(s.rows) })),
  ]);
}
