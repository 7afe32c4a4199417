// Bytes of a CSV/TSV file -> the bytes the CSV reader scans, the decoder for its slices, and a decoded
// sample for sniffing. Russian Excel saves "CSV" in Windows-1251, newer Excel and CRMs save UTF-8 (often
// with a BOM), "Unicode text" is UTF-16LE with a BOM. Decoding is done by real decoders (node's UTF-8
// validator, TextDecoder, iconv-lite); chardet only picks between single-byte Cyrillic code pages.
//
// Decoded once, slice by slice: UTF-8 and the single-byte code pages keep every ASCII character (quotes,
// delimiters, line breaks) as its own byte, so read-csv.ts finds record boundaries in the file's own
// bytes and decodes each ~128 KB slice just before parsing it. There is no whole-file string and no UTF-8
// copy of a Windows-1251 file. Only UTF-16, which is not ASCII-compatible, is decoded whole and handed
// over as UTF-8 (a rare format: Excel's "Unicode text").
import { isUtf8 } from "node:buffer";
import { analyse } from "chardet";
import iconv from "iconv-lite";

/** Turns a slice of `bytes` cut at a record boundary into text. */
export type SliceDecoder = (slice: Uint8Array) => string;

export type DecodedText =
  | {
      ok: true;
      /** The file's bytes, BOM removed, in an ASCII-compatible encoding. */
      bytes: Uint8Array;
      /** Decodes any slice of `bytes` that starts and ends at a record boundary. */
      decode: SliceDecoder;
      /** The first ~64K bytes decoded, for delimiter detection. */
      sample: string;
      encoding: string;
    }
  | { ok: false; error: "binary" };

type Decoded = Omit<Extract<DecodedText, { ok: true }>, "ok">;

const SAMPLE_BYTES = 64 * 1024;
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
/** UTF-8 slices; bad sequences (a damaged byte) become U+FFFD, as in the whole-file decode before. */
export const decodeUtf8: SliceDecoder = (slice) => lenientUtf8.decode(slice);

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

function decodeBytes(bytes: Uint8Array): Decoded | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (isUtf8(body) || isMostlyUtf8(body.subarray(0, 1024 * 1024))) return asUtf8(body, "utf-8-bom");
    // A BOM in front of Windows-1251 text: a file re-saved by a tool that added the mark and kept the
    // bytes. The mark lies, the bytes do not: decode them as the single-byte code page they are.
    const sample = body.subarray(0, SAMPLE_BYTES);
    if (sample.includes(0)) return null;
    return asSingleByte(body, pickSingleByteEncoding(sample));
  }
  if (b0 === 0xff && b1 === 0xfe) return fromString(iconv.decode(bytes.subarray(2), "utf-16le"), "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return fromString(iconv.decode(bytes.subarray(2), "utf-16be"), "utf-16be");

  // UTF-16 without a BOM (some exporters write it): ASCII characters put NULs on one byte parity only.
  const utf16 = sniffUtf16(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16) return fromString(iconv.decode(bytes, utf16), utf16);

  // A UTF-8 file with one damaged byte (a truncated copy, a bad edit) should not turn into
  // cp1251 mojibake: if almost every non-ASCII character decoded, it is UTF-8.
  if (isUtf8(bytes) || isMostlyUtf8(bytes.subarray(0, 1024 * 1024))) return asUtf8(bytes, "utf-8");

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // NUL never occurs in single-byte text; without a BOM this is not a file we can read.
  if (sample.includes(0)) return null;
  return asSingleByte(bytes, pickSingleByteEncoding(sample));
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

function asUtf8(bytes: Uint8Array, encoding: string): Decoded {
  // A multi-byte character cut at the sample's end decodes as one U+FFFD; harmless for sniffing.
  return { bytes, decode: decodeUtf8, sample: decodeUtf8(bytes.subarray(0, SAMPLE_BYTES)), encoding };
}

function asSingleByte(bytes: Uint8Array, encoding: string): Decoded {
  // One byte is one character, so any slice decodes on its own.
  const decode = singleByteDecoder(encoding);
  return { bytes, decode, sample: decode(bytes.subarray(0, SAMPLE_BYTES)), encoding };
}

/**
 * node's TextDecoder (ICU) decodes these code pages about twice as fast as iconv-lite, which stays for a
 * node built without them. Both agree on every byte but one: Windows-1251 leaves 0x98 unassigned, and
 * WHATWG maps it to U+0098 where iconv-lite (and this module before) gives U+FFFD; kept as it was.
 */
function singleByteDecoder(encoding: string): SliceDecoder {
  let icu: InstanceType<typeof TextDecoder>;
  try {
    icu = new TextDecoder(encoding);
  } catch {
    return (slice) => iconv.decode(slice as Buffer, encoding);
  }
  if (encoding !== "windows-1251") return (slice) => icu.decode(slice);
  return (slice) => {
    const text = icu.decode(slice);
    return slice.includes(0x98) ? text.replaceAll("\u0098", "\ufffd") : text;
  };
}

/** UTF-16 is not ASCII-compatible: decoded whole and handed over as UTF-8. */
function fromString(text: string, encoding: string): Decoded {
  return { bytes: Buffer.from(text, "utf8"), decode: decodeUtf8, sample: text.slice(0, SAMPLE_BYTES), encoding };
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
