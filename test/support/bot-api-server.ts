// A local HTTP server playing the Telegram Bot API for a bot running as a real process (BOT_API_ROOT).
// It serves getUpdates by long polling from a queue the test fills, and records every call.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";
import { parseMultipart } from "./fake-telegram.js";

export interface RecordedCall {
  method: string;
  payload: Record<string, any>;
  result?: any;
}

export class BotApiServer {
  readonly calls: RecordedCall[] = [];
  private readonly queue: Update[] = [];
  private waiting: (() => void)[] = [];
  private server: Server | undefined;
  private messageIds = new Map<number, number>();
  private readonly files = new Map<string, Buffer>();
  private callListeners: ((call: RecordedCall) => void)[] = [];
  private deliveryListeners: { updateId: number; resolve: () => void }[] = [];
  url = "";

  constructor(
    readonly token: string,
    readonly botInfo: UserFromGetMe,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req).then(
        ({ status, body, raw, drop }) => {
          if (drop) return void req.socket.destroy();
          res.writeHead(status, { "content-type": raw ? "application/octet-stream" : "application/json" });
          res.end(raw ?? JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.waiting.forEach((wake) => wake());
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Delay before answering each call (not getUpdates), to catch a process in the middle of sending. */
  responseDelayMs = 0;
  /** When set, every getUpdates fails with it (e.g. 409: another instance is polling). */
  getUpdatesError: { error_code: number; description: string } | null = null;

  /** The next calls (not getUpdates) fail like this, in order: 429 bursts, 5xx, dropped connections. */
  readonly failures: ({ error_code: number; description: string; parameters?: { retry_after?: number } } | "drop")[] = [];

  /** Like waitFor, but only for calls made after the first `index` calls. */
  waitForAfter(index: number, match: (call: RecordedCall) => boolean, ms = 15_000): Promise<RecordedCall> {
    const found = this.calls.slice(index).find(match);
    if (found) return Promise.resolve(found);
    return this.waitFor((c) => this.calls.indexOf(c) >= index && match(c), ms);
  }

  push(update: Update): void {
    this.queue.push(update);
    this.waiting.splice(0).forEach((wake) => wake());
  }

  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, bytes);
  }

  /** Calls `listener` on every call from now on; returns the unsubscribe. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.callListeners.push(listener);
    return () => (this.callListeners = this.callListeners.filter((l) => l !== listener));
  }

  /** Resolves when the bot has fetched `updateId` with getUpdates: it is in the bot's hands from then on. */
  whenDelivered(updateId: number): Promise<void> {
    return new Promise((resolve) => this.deliveryListeners.push({ updateId, resolve }));
  }

  /** Resolves with the first call (already made or coming) that matches, or rejects after `ms`. */
  waitFor(match: (call: RecordedCall) => boolean, ms = 15_000): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callListeners = this.callListeners.filter((l) => l !== listener);
        reject(new Error(`no matching Bot API call within ${ms} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`));
      }, ms);
      const listener = (call: RecordedCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.callListeners = this.callListeners.filter((l) => l !== listener);
        resolve(call);
      };
      this.callListeners.push(listener);
    });
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body?: unknown; raw?: Buffer; drop?: boolean }> {
    const url = new URL(req.url ?? "/", this.url);
    const filePrefix = `/file/bot${this.token}/`;
    if (url.pathname.startsWith(filePrefix)) {
      const bytes = this.files.get(decodeURIComponent(url.pathname.slice(filePrefix.length)));
      return bytes ? { status: 200, raw: bytes } : { status: 404, body: { ok: false } };
    }
    if (!url.pathname.startsWith(`/bot${this.token}/`)) {
      return { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } };
    }
    const method = url.pathname.split("/").pop()!;
    const payload = await readJson(req);
    if (method === "getUpdates" && this.getUpdatesError) return { status: this.getUpdatesError.error_code, body: { ok: false, ...this.getUpdatesError } };
    if (method === "getUpdates") return { status: 200, body: { ok: true, result: await this.nextUpdates(payload) } };
    const call: RecordedCall = { method, payload };
    if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
    const failure = this.failures.shift();
    if (failure) {
      if (failure === "drop") return { status: 0, drop: true };
      return { status: failure.error_code >= 500 ? failure.error_code : 200, body: { ok: false, ...failure } };
    }
    call.result = this.answer(call);
    this.calls.push(call);
    this.callListeners.forEach((l) => l(call));
    return { status: 200, body: { ok: true, result: call.result } };
  }

  private async nextUpdates(payload: Record<string, any>): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    if (this.queue.length === 0) {
      const seconds = Math.min(Number(payload.timeout ?? 0), 1);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, seconds * 1000);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const batch = this.queue.slice(0, Number(payload.limit ?? 100));
    const delivered = new Set(batch.map((u) => u.update_id));
    this.deliveryListeners = this.deliveryListeners.filter((l) => (delivered.has(l.updateId) ? (l.resolve(), false) : true));
    return batch;
  }

  private answer(call: RecordedCall): unknown {
    const p = call.payload;
    if (call.method === "getMe") return this.botInfo;
    if (call.method === "getFile") return { file_id: p.file_id, file_unique_id: `u${p.file_id}`, file_path: p.file_id };
    if (call.method.startsWith("send")) {
      const chatId = Number(p.chat_id);
      const id = (this.messageIds.get(chatId) ?? 0) + 1;
      this.messageIds.set(chatId, id);
      return { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" }, text: p.text };
    }
    return true;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams);
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.includes("multipart/form-data")) {
    const boundary = /boundary=(.+)$/.exec(type)?.[1]?.replace(/^"|"$/g, "") ?? "";
    const out: Record<string, any> = {};
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) {
        out[part.name] = { fileName: part.filename, bytes: part.data };
        continue;
      }
      const value = part.data.toString("utf8");
      try {
        out[part.name] = JSON.parse(value);
      } catch {
        out[part.name] = value;
      }
    }
    return out;
  }
  return { raw: body.toString("utf8") };
}
