// What kind of file did the user send? Magic bytes decide; the file name only breaks ties, because
// people rename files ("clients.xlsx" that is really a CSV, or the other way round) all the time.

export type DetectedType =
  | { kind: "zip" }
  | { kind: "text" }
  | { kind: "unsupported"; reason: "old_xls" | "image" | "pdf" | "archive" | "html" }
  | { kind: "encrypted" }
  /** Named .xlsx but not a zip: a renamed or truncated file. */
  | { kind: "broken_xlsx" };

interface Magic {
  bytes: readonly number[];
  offset?: number;
  reason: "image" | "pdf" | "archive";
}

const MAGICS: readonly Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], reason: "image" }, // PNG
  { bytes: [0xff, 0xd8, 0xff], reason: "image" }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], reason: "image" }, // GIF8
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, reason: "image" }, // RIFF....WEBP
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, reason: "image" }, // ....ftyp: HEIC/MP4 from phones
  { bytes: [0x25, 0x50, 0x44, 0x46], reason: "pdf" }, // %PDF
  { bytes: [0x52, 0x61, 0x72, 0x21], reason: "archive" }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], reason: "archive" }, // 7z
  { bytes: [0x1f, 0x8b], reason: "archive" }, // gzip
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// A password-protected .xlsx is an OLE2 container with an "EncryptedPackage" stream; its directory
// entry name is stored in UTF-16LE.
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

export function detectType(bytes: Uint8Array, fileName: string): DetectedType {
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return { kind: "zip" };
  if (startsWith(bytes, OLE2)) {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return view.includes(ENCRYPTED_PACKAGE) ? { kind: "encrypted" } : { kind: "unsupported", reason: "old_xls" };
  }
  for (const m of MAGICS) if (startsWith(bytes, m.bytes, m.offset)) return { kind: "unsupported", reason: m.reason };
  // Bitrix24's "Export to Excel" and some other CRMs write an HTML table and name it .xls;
  // Excel 2003 "XML Spreadsheet" starts with <?xml. Neither is CSV.
  if (looksLikeHtml(bytes)) return { kind: "unsupported", reason: "html" };
  if (XLSX_EXTENSIONS.has(extensionOf(fileName))) return { kind: "broken_xlsx" };
  // Text with an ".xls" name is still tried as text: old CRMs save TSV under that name.
  return { kind: "text" };
}

const XLSX_EXTENSIONS = new Set(["xlsx", "xlsm"]);
const HTML_PREFIXES = ["<!doctype html", "<html", "<table", "<?xml", "<meta"];

function looksLikeHtml(bytes: Uint8Array): boolean {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)) {
    start++;
  }
  if (bytes[start] !== 0x3c) return false; // '<'
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(64, bytes.length - start))
    .toString("latin1")
    .toLowerCase();
  return HTML_PREFIXES.some((p) => head.startsWith(p));
}

/** The lower-cased extension without the dot, "" when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).trim().toLowerCase();
}
