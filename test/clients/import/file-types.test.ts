import { randomBytes } from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cp1251, csv, parseFail, parseOk, utf16beBom, utf16leBom, utf8Bom } from "./helpers.js";

const RUSSIAN = csv(
  "ФИО;Компания;Телефон;Примечание",
  "Иванов Иван;ООО «Ромашка»;8 916 123-45-67;Ждёт счёт, любит звонки после обеда",
  "Петрова Мария;ИП Петрова;+7 495 765-43-21;Ёлки-палки: «горящий» клиент",
);

describe("encodings", () => {
  const expectRussianRows = (rows: { name: string; company: string | null; notes: string | null }[]): void => {
    expect(rows.map((r) => r.name)).toEqual(["Иванов Иван", "Петрова Мария"]);
    expect(rows[0]!.company).toBe("ООО «Ромашка»");
    expect(rows[1]!.notes).toBe("Ёлки-палки: «горящий» клиент");
  };

  it("reads UTF-8 without a BOM", async () => {
    const r = await parseOk(Buffer.from(RUSSIAN, "utf8"));
    expect(r.encoding).toBe("utf-8");
    expectRussianRows(r.rows);
  });

  it("reads UTF-8 with a BOM and keeps the BOM out of the first header", async () => {
    const r = await parseOk(utf8Bom(RUSSIAN));
    expect(r.encoding).toBe("utf-8-bom");
    expect(r.headersSeen[0]).toBe("ФИО");
    expect(r.columns.name).toBe("ФИО");
    expectRussianRows(r.rows);
  });

  it("detects Windows-1251, Russian Excel's default", async () => {
    const r = await parseOk(cp1251(RUSSIAN));
    expect(r.encoding).toBe("windows-1251");
    expectRussianRows(r.rows);
  });

  it("detects Windows-1251 even in a tiny file chardet cannot judge", async () => {
    const r = await parseOk(cp1251("ФИО\r\nЁж Иван\r\n"));
    expect(r.encoding).toBe("windows-1251");
    expect(r.rows[0]!.name).toBe("Ёж Иван");
  });

  it("detects KOI8-R when the sample is clear enough", async () => {
    const text = RUSSIAN.repeat(3);
    const r = await parseOk(iconv.encode(text, "koi8-r"));
    expect(r.encoding).toBe("koi8-r");
    expect(r.rows[0]!.name).toBe("Иванов Иван");
  });

  it("reads UTF-16LE with a BOM (Excel's 'Unicode text', tab-separated)", async () => {
    const r = await parseOk(utf16leBom(RUSSIAN.replaceAll(";", "\t")), "clients.txt");
    expect(r.encoding).toBe("utf-16le");
    expect(r.delimiter).toBe("\t");
    expectRussianRows(r.rows);
  });

  it("reads UTF-16LE without a BOM (NULs on one byte parity only)", async () => {
    const r = await parseOk(Buffer.from(RUSSIAN, "utf16le"));
    expect(r.encoding).toBe("utf-16le");
    expectRussianRows(r.rows);
  });

  it("reads UTF-16BE with a BOM", async () => {
    const r = await parseOk(utf16beBom(RUSSIAN));
    expect(r.encoding).toBe("utf-16be");
    expectRussianRows(r.rows);
  });

  it("keeps a UTF-8 file with one damaged byte as UTF-8 instead of turning it into mojibake", async () => {
    const bytes = Buffer.from(RUSSIAN.repeat(2), "utf8");
    bytes[bytes.length - 10] = 0xff;
    const r = await parseOk(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(r.rows[0]!.name).toBe("Иванов Иван");
  });
});

describe("file-level refusals", () => {
  it("refuses an empty file", async () => {
    expect((await parseFail(Buffer.alloc(0))).error).toBe("empty");
  });

  it("refuses a file of blank lines", async () => {
    expect((await parseFail("\r\n  \r\n\t\r\n")).error).toBe("empty");
  });

  it("refuses a file with only a header", async () => {
    expect((await parseFail(csv("ФИО;Телефон"))).error).toBe("empty");
  });

  it("refuses a header followed only by blank rows", async () => {
    expect((await parseFail(csv("ФИО;Телефон", ";", "", " ; "))).error).toBe("empty");
  });

  it("refuses random binary bytes", async () => {
    const noise = randomBytes(4096);
    noise[0] = 0x01; // not accidentally a known magic number
    expect((await parseFail(noise)).error).toBe("binary");
  });

  it("refuses text with NUL bytes scattered on both byte parities", async () => {
    const bytes = Buffer.from(RUSSIAN, "utf8");
    for (let i = 7; i < bytes.length; i += 13) bytes[i] = 0;
    expect((await parseFail(bytes)).error).toBe("binary");
  });

  it.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "photo.png"],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "photo.jpg"],
    ["GIF", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], "x.gif"],
    ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], "clients.pdf"],
  ])("refuses a %s as unsupported_type, even when named .csv", async (_kind, magic) => {
    const bytes = Buffer.concat([Buffer.from(magic), randomBytes(256)]);
    expect((await parseFail(bytes, "clients.csv")).error).toBe("unsupported_type");
  });

  it("refuses an old binary .xls (OLE2) as unsupported_type", async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect((await parseFail(bytes, "clients.xls")).error).toBe("unsupported_type");
  });

  it("recognises a password-protected Excel file", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
      Buffer.from("EncryptedPackage", "utf16le"),
      Buffer.alloc(512),
    ]);
    expect((await parseFail(bytes, "clients.xlsx")).error).toBe("encrypted");
  });

  it("refuses Bitrix24's HTML-table 'Excel' export as unsupported_type", async () => {
    const html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>ФИО</td></tr></table></body></html>';
    expect((await parseFail(html, "contacts.xls")).error).toBe("unsupported_type");
  });

  it("reads a tab-separated text file that an old CRM named .xls", async () => {
    const r = await parseOk(csv("ФИО\tТелефон", "Иванов Иван\t89161234567"), "export.xls");
    expect(r.rows[0]!.phones).toEqual(["+79161234567"]);
  });

  it("refuses a non-zip file named .xlsx as unreadable_xlsx", async () => {
    expect((await parseFail(csv("ФИО", "Иван"), "clients.xlsx")).error).toBe("unreadable_xlsx");
  });

  it("refuses files over maxBytes before looking inside", async () => {
    const big = Buffer.alloc(2048, 0x41);
    expect((await parseFail(big, "a.csv", { maxBytes: 1024 })).error).toBe("too_large");
  });

  it("uses 20 MB as the default limit", async () => {
    const justOver = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    expect((await parseFail(justOver)).error).toBe("too_large");
    const justUnder = Buffer.alloc(20 * 1024 * 1024, 0x20);
    expect((await parseFail(justUnder)).error).toBe("empty");
  });

  it("rejects an invalid `today` option loudly (a programming error, not a user one)", async () => {
    await expect(parseOk(csv("ФИО", "Иван"), "a.csv", { today: "2026-02-31" })).rejects.toThrow(/today/);
  });
});
