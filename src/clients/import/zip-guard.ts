// Zip-bomb guard for .xlsx files, run before exceljs sees the bytes. exceljs's reader inflates entries
// without comparing what comes out with what the zip declared (its whole-workbook loader did so only
// after inflating everything in memory), so a file that lies about its sizes is caught here first:
//  1. read the central directory and refuse absurd declarations (total size, entry count, ratio);
//  2. inflate each entry, counting, and stop one byte past its declared size, so a lie is caught after
//     at most that many bytes and the total stays within the budget. Small entries are inflated in one
//     call; big ones (a worksheet) through a stream whose output is counted and dropped, so checking a
//     50 MB sheet holds 16 KB of it, not 50 MB.
// Step 2 costs one extra inflate pass, a few ms per MB of xlsx.
import { createInflateRaw, inflateRawSync } from "node:zlib";

export interface ZipLimits {
  maxTotalUncompressed: number;
  maxEntries: number;
  /** Compression ratio above which a big entry is considered hostile (deflate tops out near 1032:1). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
};

/** Entries larger than this are subject to the ratio check; tiny entries compress absurdly well legitimately. */
const RATIO_CHECK_MIN_SIZE = 1024 * 1024;
/** Entries up to this size are checked by inflating them in one call; bigger ones are streamed. */
const INFLATE_IN_ONE_CALL_MAX = 1024 * 1024;

/** Where one entry's local record (header, data, data descriptor) lies in the file. */
export interface ZipRecordSpan {
  name: string;
  start: number;
  end: number;
}

export type ZipInspection =
  | {
      ok: true;
      entryNames: string[];
      totalUncompressed: number;
      /** Local records in file order; the central directory runs from the last one's end to the file's end. */
      records: ZipRecordSpan[];
    }
  | { ok: false; reason: "corrupt" | "too_large" | "encrypted" };

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

class Corrupt extends Error {}

export async function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipInspection> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: Entry[];
  let centralDirectory: number;
  try {
    ({ entries, centralDirectory } = readCentralDirectory(buf, limits));
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, reason: "too_large" };
    if (e instanceof Corrupt || e instanceof RangeError) return { ok: false, reason: "corrupt" };
    throw e;
  }

  let declaredTotal = 0;
  for (const e of entries) {
    if (e.flags & 0x1) return { ok: false, reason: "encrypted" };
    declaredTotal += e.uncompressedSize;
    if (declaredTotal > limits.maxTotalUncompressed) return { ok: false, reason: "too_large" };
    if (e.uncompressedSize > RATIO_CHECK_MIN_SIZE && e.uncompressedSize > e.compressedSize * limits.maxRatio) {
      return { ok: false, reason: "too_large" };
    }
  }

  for (const e of entries) {
    const verdict = await verifyEntry(buf, e);
    if (verdict !== "ok") return { ok: false, reason: verdict };
  }
  return { ok: true, entryNames: entries.map((e) => e.name), totalUncompressed: declaredTotal, records: recordSpans(entries, centralDirectory) };
}

/** Each local record runs up to the next one (or the central directory): its data descriptor included. */
function recordSpans(entries: readonly Entry[], centralDirectory: number): ZipRecordSpan[] {
  const inFileOrder = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  return inFileOrder.map((e, i) => ({ name: e.name, start: e.localHeaderOffset, end: inFileOrder[i + 1]?.localHeaderOffset ?? centralDirectory }));
}

class TooLarge extends Error {}

function readCentralDirectory(buf: Buffer, limits: ZipLimits): { entries: Entry[]; centralDirectory: number } {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new Corrupt("no end of central directory");
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);

  if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_EOCD64_LOCATOR) throw new Corrupt("zip64 locator missing");
    const eocd64 = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (eocd64 + 56 > buf.length || buf.readUInt32LE(eocd64) !== SIG_EOCD64) throw new Corrupt("zip64 record missing");
    count = safeNumber(buf.readBigUInt64LE(eocd64 + 32));
    cdSize = safeNumber(buf.readBigUInt64LE(eocd64 + 40));
    cdOffset = safeNumber(buf.readBigUInt64LE(eocd64 + 48));
  }
  if (count > limits.maxEntries) throw new TooLarge("too many entries");
  if (cdOffset + cdSize > buf.length) throw new Corrupt("central directory out of bounds");

  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Corrupt("bad central header");
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > buf.length) throw new Corrupt("central header out of bounds");
    const entry: Entry = {
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(entry);
    p = end;
  }
  return { entries, centralDirectory: cdOffset };
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  return -1;
}

/** Sizes of 0xFFFFFFFF mean "see the zip64 extra field", which lists only those fields, in this order. */
function applyZip64Extra(entry: Entry, extra: Buffer): void {
  const needs = entry.uncompressedSize === U32_MAX || entry.compressedSize === U32_MAX || entry.localHeaderOffset === U32_MAX;
  if (!needs) return;
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const size = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + size || r + 8 > extra.length) throw new Corrupt("short zip64 extra");
        const v = safeNumber(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + size;
  }
  throw new Corrupt("zip64 extra missing");
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new TooLarge("size beyond 2^53");
  return Number(v);
}

async function verifyEntry(buf: Buffer, e: Entry): Promise<"ok" | "corrupt" | "too_large"> {
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== SIG_LOCAL) return "corrupt";
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) return "corrupt";
  if (e.method === 0) return e.compressedSize === e.uncompressedSize ? "ok" : "corrupt";
  if (e.method !== 8) return "corrupt"; // exceljs reads only stored and deflate entries anyway
  // One byte of slack: an entry that inflates past its declaration fails here, not in exceljs.
  const size = await inflatedSize(buf.subarray(start, end), e.uncompressedSize + 1);
  if (typeof size === "string") return size;
  return size === e.uncompressedSize ? "ok" : "corrupt";
}

/** How many bytes `data` inflates to, or "too_large" as soon as that passes `limit` (as maxOutputLength). */
async function inflatedSize(data: Buffer, limit: number): Promise<number | "too_large" | "corrupt"> {
  if (limit <= INFLATE_IN_ONE_CALL_MAX) {
    try {
      return inflateRawSync(data, { maxOutputLength: limit }).length;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "corrupt";
    }
  }
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve("too_large");
        inflate.destroy();
      }
    });
    inflate.on("error", () => resolve("corrupt"));
    inflate.on("end", () => resolve(size));
    inflate.end(data);
  });
}
