// The malformed-file corpus: every file is generated here, in code, so no binary blob lives in the repo.
// Each case names what a lead sends and what the bot must answer (a substring of its Russian reply).
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { sheetXml, workbookEntries, zip, type ZipEntry } from "./zip.js";

export interface FileCase {
  /** What the case is about (the test title). */
  name: string;
  /** The file name Telegram reports; undefined = a document without a name. */
  fileName: string | undefined;
  bytes: () => Buffer | Promise<Buffer>;
  mimeType?: string;
  /** file_size Telegram reports, when it differs from the bytes (the >20 MB case). */
  size?: number;
  /** Substrings of the bot's reply (Russian). */
  expect: string[];
  /** Substrings the reply must NOT contain (raw markup, mojibake). */
  reject?: string[];
  /** True when the file is readable and a preview (with buttons, nothing written) is the right answer. */
  preview?: boolean;
  /** True when the bot must refuse without downloading (no getFile call). */
  noDownload?: boolean;
}

const CRLF = "\r\n";
const HEADER = "ФИО;Компания;Телефон;Ответственный;Следующий контакт;Примечание";
const ROWS = ["Иван Петров;ООО Ромашка;+7 916 123-45-67;;25.11.2026;", "Мария Сидорова;;+7 916 123-45-68;;;"];

const text = (lines: string[]) => lines.join(CRLF) + CRLF;
const utf8 = (lines: string[]) => Buffer.from(text(lines), "utf8");

function utf16(lines: string[], endian: "le" | "be"): Buffer {
  const le = Buffer.from(text(lines), "utf16le");
  if (endian === "le") return le;
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

/** Deterministic pseudo-random bytes, so a failure can be replayed. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

async function realXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Клиенты");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", "latin1"), noise(200)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0\x01\x01", "latin1"), noise(300, 3)]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
/** The OLE2 compound-file signature old .xls (and .doc) files start with. */
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), noise(1536, 11)]);

const DOCX_ENTRIES: ZipEntry[] = [
  { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: "word/document.xml", data: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Клиенты</w:t></w:r></w:p></w:body></w:document>') },
];

export const ZIP_BOMB_DECLARED = 4_000_000_000;

export const fileCases: FileCase[] = [
  // --- Encodings -----------------------------------------------------------------------------------
  {
    name: "UTF-16LE without a BOM",
    fileName: "clients.csv",
    bytes: () => utf16([HEADER, ...ROWS], "le"),
    expect: ["имя ← «ФИО»", "новых клиентов: 2"],
    preview: true,
  },
  {
    name: "UTF-16BE without a BOM",
    fileName: "clients.csv",
    bytes: () => utf16([HEADER, ...ROWS], "be"),
    expect: ["имя ← «ФИО»", "новых клиентов: 2"],
    preview: true,
  },
  {
    name: "Windows-1251 sent as text/csv;charset=utf-8 (mislabeled)",
    fileName: "clients.csv",
    mimeType: "text/csv; charset=utf-8",
    bytes: () => iconv.encode(text([HEADER, ...ROWS]), "win1251"),
    expect: ["имя ← «ФИО»", "ответственный ← «Ответственный»", "новых клиентов: 2"],
    reject: ["�", "Ð"],
    preview: true,
  },
  {
    name: "Latin-1 garbage (accented Western text, no name column)",
    fileName: "export.csv",
    bytes: () => iconv.encode(text(["Nom;Société;Téléphone", "Hélène Dûpont;Crème brûlée SARL;0612345678"]), "latin1"),
    expect: ["Не нашёл столбец"],
  },
  {
    // Decoded as one Windows-1251 file, the UTF-8 header turns to mojibake: refused, nothing half-read.
    name: "mixed encodings: UTF-8 header, Windows-1251 rows",
    fileName: "mixed.csv",
    bytes: () => Buffer.concat([Buffer.from(HEADER + CRLF, "utf8"), iconv.encode(text(ROWS), "win1251")]),
    expect: ["Не нашёл столбец"],
  },
  // --- CSV structure ---------------------------------------------------------------------------------
  {
    name: "quotes inside unquoted cells (ООО \"Ромашка\") still load",
    fileName: "quotes.csv",
    bytes: () => utf8([HEADER, 'Иван "Ваня" Петров;ООО "Ромашка;+7 916 123-45-67;;;', 'Мария Сидорова;ИП "Сидорова";+7 916 123-45-68;;;']),
    expect: ["новых клиентов: 2"],
    preview: true,
  },
  {
    name: "broken quoting: text after a quoted cell's closing quote",
    fileName: "quotes2.csv",
    bytes: () => utf8([HEADER, ROWS[0]!, '"Мария" Сидорова;;+7 916 123-45-68;;;']),
    expect: ["кавычки около строки 3"],
  },
  {
    name: "unterminated quote",
    fileName: "unterminated.csv",
    bytes: () => utf8([HEADER, '"Иван Петров;ООО Ромашка;+7 916 123-45-67;;;', "Мария Сидорова;;+7 916 123-45-68;;;"]),
    expect: ["кавычки"],
  },
  {
    name: "a huge single row (1 MB cell)",
    fileName: "huge-cell.csv",
    bytes: () => utf8([HEADER, `Иван Петров;ООО Ромашка;+7 916 123-45-67;;;${"Очень длинная заметка. ".repeat(Math.ceil(1_048_576 / 23))}`]),
    expect: ["строк с данными — 1", "слишком длинное значение"],
    preview: true,
  },
  {
    name: "10,000 columns",
    fileName: "wide.csv",
    bytes: () => utf8([["ФИО", ...Array.from({ length: 9_999 }, (_, i) => `Поле ${i}`)].join(";"), ["Иван Петров", ...Array.from({ length: 9_999 }, (_, i) => String(i))].join(";")]),
    expect: ["строк с данными — 1"],
    preview: true,
  },
  { name: "only a header", fileName: "header.csv", bytes: () => utf8([HEADER]), expect: ["Файл пустой"] },
  { name: "only empty lines", fileName: "blank.csv", bytes: () => Buffer.from("\r\n\r\n\n\n   \r\n\t\r\n"), expect: ["Файл пустой"] },
  { name: "only delimiters", fileName: "semicolons.csv", bytes: () => Buffer.from(";;;;;\r\n;;;;;\r\n;;;;;\r\n"), expect: ["Файл пустой"] },
  { name: "a UTF-8 BOM and nothing else", fileName: "bom.csv", bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), expect: ["Файл пустой"] },
  { name: "a UTF-16 BOM and nothing else", fileName: "bom16.csv", bytes: () => Buffer.from([0xff, 0xfe]), expect: ["Файл пустой"] },
  { name: "zero bytes", fileName: "zero.csv", bytes: () => Buffer.alloc(0), expect: ["Файл пустой"] },
  // --- Binary ------------------------------------------------------------------------------------------
  { name: "random bytes named .csv", fileName: "random.csv", bytes: () => randomBytes(4096), expect: ["не похоже на таблицу"] },
  { name: "NUL bytes", fileName: "nul.csv", bytes: () => Buffer.alloc(2048), expect: ["не похоже на таблицу"] },
  {
    name: "a CSV with NULs sprinkled in",
    fileName: "nul-inside.csv",
    bytes: () => Buffer.from(text([HEADER, ...ROWS]).replace(/;/g, ";\0")),
    expect: ["не похоже на таблицу"],
  },
  { name: "a PNG renamed .csv", fileName: "clients.csv", bytes: () => PNG, expect: ["формат я не читаю"] },
  { name: "a JPEG renamed .csv", fileName: "clients.csv", bytes: () => JPEG, expect: ["формат я не читаю"] },
  { name: "a PDF renamed .csv", fileName: "clients.csv", bytes: () => PDF, expect: ["формат я не читаю"] },
  { name: "a PNG sent as a document with its own name", fileName: "scan.png", mimeType: "image/png", bytes: () => PNG, expect: ["Это картинка"] },
  { name: "an old binary .xls", fileName: "clients.xls", mimeType: "application/vnd.ms-excel", bytes: () => OLE, expect: [".xls"] },
  {
    name: "an HTML page renamed .xls (what some CRMs export)",
    fileName: "clients.xls",
    bytes: () => Buffer.from("<html><body><table><tr><td>ФИО</td></tr><tr><td>Иван</td></tr></table></body></html>"),
    expect: ["формат я не читаю"],
  },
  // --- Zip / xlsx ----------------------------------------------------------------------------------------
  { name: "a .docx renamed .xlsx", fileName: "clients.xlsx", bytes: () => zip(DOCX_ENTRIES), expect: ["Не смог открыть этот XLSX"] },
  {
    name: "a plain .zip of CSVs renamed .xlsx",
    fileName: "clients.xlsx",
    bytes: () => zip([{ name: "clients.csv", data: utf8([HEADER, ...ROWS]) }]),
    expect: ["Не смог открыть этот XLSX"],
  },
  { name: "a .zip sent as is", fileName: "clients.zip", bytes: () => zip([{ name: "clients.csv", data: utf8([HEADER, ...ROWS]) }]), expect: ["формат я не читаю"] },
  {
    name: "zip bomb: a sheet declaring 4 GB uncompressed",
    fileName: "bomb.xlsx",
    bytes: () => zip(workbookEntries(sheetXml([["ФИО"], ["Иван"]]), { "xl/worksheets/sheet1.xml": { declaredSize: ZIP_BOMB_DECLARED } })),
    expect: ["слишком большая"],
  },
  {
    name: "zip bomb: 120 MB of spaces deflated into a sheet (honest sizes)",
    fileName: "bomb2.xlsx",
    bytes: () => {
      const entries = workbookEntries(sheetXml([["ФИО"]]));
      const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      sheet.data = Buffer.alloc(120 * 1024 * 1024, 0x20);
      return zip(entries);
    },
    expect: ["слишком большая"],
  },
  {
    name: "zip bomb: sizes that lie (declares 1 KB, inflates to 50 MB)",
    fileName: "bomb3.xlsx",
    bytes: () => {
      const entries = workbookEntries(sheetXml([["ФИО"]]));
      const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      sheet.data = Buffer.alloc(50 * 1024 * 1024, 0x20);
      sheet.declaredSize = 1024;
      return zip(entries);
    },
    expect: ["слишком большая"],
  },
  {
    name: "zip bomb: 20,000 entries",
    fileName: "many.xlsx",
    bytes: () => zip([...workbookEntries(sheetXml([["ФИО"], ["Иван"]])), ...Array.from({ length: 20_000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.alloc(0), method: 0 as const }))]),
    expect: ["слишком большая"],
  },
  {
    name: "a corrupt xlsx (a real one cut in half)",
    fileName: "cut.xlsx",
    bytes: async () => {
      const full = await realXlsx([["ФИО"], ["Иван Петров"]]);
      return full.subarray(0, Math.floor(full.length / 2));
    },
    expect: ["Не смог открыть этот XLSX"],
  },
  {
    name: "a corrupt xlsx (deflate stream garbled)",
    fileName: "garbled.xlsx",
    bytes: () => {
      const entries = workbookEntries(sheetXml([["ФИО"], ["Иван Петров"]]));
      const good = zip(entries);
      const bad = Buffer.from(good);
      // Garble the middle of the first deflated body (after its 30-byte local header and 19-byte name).
      for (let i = 60; i < 90; i++) bad[i] = bad[i]! ^ 0x5a;
      return bad;
    },
    expect: ["Не смог открыть этот XLSX"],
  },
  {
    name: "an xlsx whose sheet XML is not XML",
    fileName: "notxml.xlsx",
    bytes: () => zip(workbookEntries("this is <not> xml <<<")),
    expect: ["Не смог открыть этот XLSX"],
  },
  // Excel itself cannot save a workbook without sheets: such a file is damaged.
  { name: "an xlsx with no sheets", fileName: "nosheets.xlsx", bytes: () => zip(workbookEntries(null)), expect: ["Не смог открыть этот XLSX"] },
  { name: "an xlsx with an empty sheet", fileName: "emptysheet.xlsx", bytes: () => realXlsx([]), expect: ["Файл пустой"] },
  {
    name: "a password-protected xlsx (encrypted zip entry)",
    fileName: "locked.xlsx",
    bytes: () => zip(workbookEntries(sheetXml([["ФИО"], ["Иван"]]), { "xl/worksheets/sheet1.xml": { flags: 1, method: 0 } })),
    expect: ["защищён паролем"],
  },
  // --- Size --------------------------------------------------------------------------------------------
  {
    name: "a file over 20 MB (refused from file_size, before any download)",
    fileName: "big.csv",
    bytes: () => utf8([HEADER, ...ROWS]),
    size: 25 * 1024 * 1024,
    expect: ["до 20 МБ"],
    noDownload: true,
  },
  // --- Content -----------------------------------------------------------------------------------------
  {
    name: "no name column (headers with markup are shown escaped)",
    fileName: "noname.csv",
    bytes: () => utf8(["Телефон;<script>alert(1)</script>;Tom & Jerry", "+7 916 123-45-67;x;y"]),
    expect: ["Не нашёл столбец", "&lt;script&gt;", "Tom &amp; Jerry"],
  },
  {
    name: "duplicate rows",
    fileName: "dups.csv",
    bytes: () => utf8([HEADER, ROWS[0]!, ROWS[0]!, ROWS[0]!, ROWS[1]!]),
    expect: ["новых клиентов: 2", "строка 3: повтор строки 2", "строка 4: повтор строки 2"],
    preview: true,
  },
  {
    name: "impossible dates: 31.02.2026, 00.00.0000, 99.99.9999",
    fileName: "dates.csv",
    bytes: () => utf8([HEADER, "Иван Петров;;;;31.02.2026;", "Мария Сидорова;;;;00.00.0000;", "Олег Ким;;;;99.99.9999;"]),
    expect: ["31.02.2026", "00.00.0000", "99.99.9999"],
    preview: true,
  },
  {
    name: "absurd years: 0001 and 9999",
    fileName: "years.csv",
    bytes: () => utf8([HEADER, "Иван Петров;;;;01.01.0001;", "Мария Сидорова;;;;31.12.9999;"]),
    expect: ["01.01.0001", "31.12.9999"],
    preview: true,
  },
  {
    name: "very long names (10,000 characters) and notes (100,000)",
    fileName: "long.csv",
    bytes: () => utf8([HEADER, `${"Я".repeat(10_000)};;;;;${"заметка ".repeat(12_500)}`, "Мария Сидорова;;;;;"]),
    expect: ["строк с данными — 2"],
    preview: true,
  },
  {
    name: "emoji, RTL (Arabic, Hebrew) and zero-width characters in names",
    fileName: "unicode.csv",
    bytes: () => utf8([HEADER, "🔥 Иван 👨‍👩‍👧 Петров;;;;;", "محمد الأحمد;شركة;;;;", "דוד כהן;;;;;", "Ма\u200bрия\u200d Си\u200eдо\u202eрова;;;;;", "\u200b\u200c\u200d\ufeff;;;;;"]),
    // The last name is zero-width characters only: an invisible client is refused as a row without a name.
    expect: ["строк с данными — 5", "новых клиентов: 4", "строк не загрузится: 1", "строка 6"],
    preview: true,
  },
  {
    name: "HTML and entities in names, companies, owners and the file name",
    fileName: "<b>clients</b> & co.csv",
    bytes: () => utf8([HEADER, "<b>Иван</b> Петров;<script>alert(1)</script>;;<i>Борис;;&amp; &lt;", "Tom & Jerry;A&B <Co>;;;;</pre>"]),
    expect: ["&lt;b&gt;clients&lt;/b&gt; &amp; co.csv", "новых клиентов: 2"],
    reject: ["<script>", "<b>clients"],
    preview: true,
  },
  {
    name: "a document without a file name",
    fileName: undefined,
    bytes: () => utf8([HEADER, ...ROWS]),
    expect: ["новых клиентов: 2"],
    preview: true,
  },
  {
    name: "a CSV named .xlsx (renamed the other way)",
    fileName: "clients.xlsx",
    bytes: () => utf8([HEADER, ...ROWS]),
    expect: ["Не смог открыть этот XLSX", "переименован"],
  },
  {
    name: "old Mac line endings (CR only) and a formula-looking phone",
    fileName: "cr.csv",
    bytes: () => Buffer.from([HEADER, ...ROWS, "=1+1;;+7 916 123-45-69;;;"].join("\r")),
    expect: ["строк с данными — 3"],
    preview: true,
  },
];

/** An xlsx with formula cells: real formulas and text that starts like one. */
export async function formulaXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Клиенты");
  ws.addRow(["ФИО", "Компания", "Примечание"]);
  ws.addRow([{ formula: 'HYPERLINK("http://evil.example/x","Клиент из формулы")', result: "Клиент из формулы" }, "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
