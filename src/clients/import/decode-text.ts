// Bytes of a CSV/TSV file -> UTF-8 bytes for the parser, plus a decoded sample for sniffing.
// Russian Excel saves "CSV" in Windows-1251, newer Excel and CRMs save UTF-8 (often with a BOM),
// "Unicode text" is UTF-16LE with a BOM. Decoding is done by real decoders (node's UTF-8 validator,
// TextDecoder, iconv-lite); chardet only picks between single-byte Cyrillic code pages.
//
// Why bytes and not a string: csv-parse works on UTF-8 bytes internally, so a valid UTF-8 file is
// handed over as is (no decode + re-encode, no extra copy); other encodings are decoded and
// re-encoded once, which csv-parse would otherwise do itself.
import { isUtf8 } from "node:buffer";
import { analyse } from "chardet";
import iconv from "iconv-lite";

export type DecodedText =
  | {
      ok: true;
      /** The whole file as UTF-8, BOM removed. */
      utf8: Uint8Array;
      /** Its first ~64K characters as a string, for delimiter detection. */
      sample: string;
      encoding: string;
    }
  | { ok: false; error: "binary" };

const SAMPLE_BYTES = 64 * 1024;
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

// chardet names -> iconv-lite names, for the code pages a Russian-speaking team may plausibly send.
const CYRILLIC_SINGLE_BYTE: Record<string, string> = {
  "windows-1251": "windows-1251",
  "KOI8-R": "koi8-r",
  "ISO-8859-5": "iso-8859-5",
};

export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes);
  if (decoded === null || looksBinary(decoded.sample)) return { ok: false, error: "binary" };
  return { ok: true, ...decoded };
}

function decodeBytes(bytes: Uint8Array): { utf8: Uint8Array; sample: string; encoding: string } | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (isUtf8(body)) return asUtf8(body, "utf-8-bom");
    if (isMostlyUtf8(body.subarray(0, 1024 * 1024))) return fromString(lenientUtf8.decode(body), "utf-8-bom");
    // A BOM in front of Windows-1251 text: a file re-saved by a tool that added the mark and kept the
    // bytes. The mark lies, the bytes do not: decode them as the single-byte code page they are.
    const sample = body.subarray(0, SAMPLE_BYTES);
    if (sample.includes(0)) return null;
    const encoding = pickSingleByteEncoding(sample);
    return fromString(iconv.decode(body, encoding), encoding);
  }
  if (b0 === 0xff && b1 === 0xfe) return fromString(iconv.decode(bytes.subarray(2), "utf-16le"), "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return fromString(iconv.decode(bytes.subarray(2), "utf-16be"), "utf-16be");

  // UTF-16 without a BOM (some exporters write it): ASCII characters put NULs on one byte parity only.
  const utf16 = sniffUtf16(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16) return fromString(iconv.decode(bytes, utf16), utf16);

  if (isUtf8(bytes)) return asUtf8(bytes, "utf-8");
  // A UTF-8 file with one damaged byte (a truncated copy, a bad edit) should not turn into
  // cp1251 mojibake: if almost every non-ASCII character decoded, it is UTF-8.
  if (isMostlyUtf8(bytes.subarray(0, 1024 * 1024))) return fromString(lenientUtf8.decode(bytes), "utf-8");

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // NUL never occurs in single-byte text; without a BOM this is not a file we can read.
  if (sample.includes(0)) return null;
  const encoding = pickSingleByteEncoding(sample);
  return fromString(iconv.decode(bytes, encoding), encoding);
}

/** "utf-16le"/"utf-16be" when NULs sit (almost) only on odd/even bytes, as ASCII text in UTF-16 puts them. */
function sniffUtf16(sample: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  // Line breaks and delimiters alone are well over a tenth of a table's characters.
  if (odd >= pairs / 10 && even * 100 <= odd) return "utf-16le";
  if (even >= pairs / 10 && odd * 100 <= even) return "utf-16be";
  return null;
}

function asUtf8(utf8: Uint8Array, encoding: string): { utf8: Uint8Array; sample: string; encoding: string } {
  // A multi-byte character cut at the sample's end decodes as one U+FFFD; harmless for sniffing.
  return { utf8, sample: lenientUtf8.decode(utf8.subarray(0, SAMPLE_BYTES)), encoding };
}

function fromString(text: string, encoding: string): { utf8: Uint8Array; sample: string; encoding: string } {
  return { utf8: Buffer.from(text, "utf8"), sample: text.slice(0, SAMPLE_BYTES), encoding };
}

function isMostlyUtf8(sample: Uint8Array): boolean {
  const text = lenientUtf8.decode(sample);
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) nonAscii++;
  }
  return nonAscii >= 20 && bad * 100 <= nonAscii;
}

function pickSingleByteEncoding(sample: Uint8Array): string {
  const top = analyse(sample)[0];
  const cyrillic = top ? CYRILLIC_SINGLE_BYTE[top.name] : undefined;
  if (cyrillic) return cyrillic;
  // chardet misreads short samples; Windows-1251 is what Russian Excel writes, so it is the default.
  return "windows-1251";
}

/** NUL, other control characters (not tab/CR/LF) or decoder replacement characters in the sample. */
function looksBinary(sample: string): boolean {
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) odd++;
  }
  return odd >= 3 && odd * 100 > sample.length;
}
