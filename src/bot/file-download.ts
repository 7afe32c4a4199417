// Downloads a file someone sent the bot, through whichever Bot API server the bot talks to
// (config.apiRoot: Telegram's or a local one). Telegram's cloud API serves bot downloads up to 20 MB; we
// refuse bigger files from the size Telegram reports, before fetching a byte.
import { readFile } from "node:fs/promises";
import { isAbsolute } from "node:path";
import type { Api } from "grammy";

export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export type DownloadResult = { ok: true; bytes: Buffer } | { ok: false; reason: "too_large" | "failed" };

export interface DownloadDeps {
  api: Api;
  apiRoot: string;
  token: string;
  fetch?: typeof fetch | undefined;
}

export async function downloadTelegramFile(
  deps: DownloadDeps,
  file: { fileId: string; size?: number | undefined },
  maxBytes = TELEGRAM_DOWNLOAD_LIMIT,
): Promise<DownloadResult> {
  if (file.size !== undefined && file.size > maxBytes) return { ok: false, reason: "too_large" };
  let info: Awaited<ReturnType<DownloadDeps["api"]["getFile"]>>;
  try {
    info = await deps.api.getFile(file.fileId);
  } catch {
    return { ok: false, reason: "failed" };
  }
  if (info.file_size !== undefined && info.file_size > maxBytes) return { ok: false, reason: "too_large" };
  if (!info.file_path) return { ok: false, reason: "failed" };
  try {
    // A local Bot API server (--local) answers with a path on its own disk.
    if (isAbsolute(info.file_path)) {
      const bytes = await readFile(info.file_path);
      return bytes.length > maxBytes ? { ok: false, reason: "too_large" } : { ok: true, bytes };
    }
    const doFetch = deps.fetch ?? fetch;
    const url = `${deps.apiRoot.replace(/\/+$/, "")}/file/bot${deps.token}/${info.file_path}`;
    const response = await doFetch(url);
    if (!response.ok || !response.body) return { ok: false, reason: "failed" };
    return await readLimited(response.body, maxBytes);
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** Reads a body, stopping as soon as it grows past the limit (a size the server under-reported). */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<DownloadResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
