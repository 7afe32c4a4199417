// A pretend Bot API behind grammY's `fetch` option: records every call, answers like Telegram would,
// serves file downloads, and can be told to fail. Conversations build their own Api objects, but they
// all share this client, so nothing escapes the recording.
import type { UserFromGetMe } from "grammy/types";

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** Files uploaded with the call (multipart), by field name. */
  files: Record<string, { name: string; bytes: Buffer }>;
  /** What the fake answered: the result on success, the error otherwise. */
  result?: any;
  error?: ApiError | "network";
}

export type ApiError = { error_code: number; description: string; parameters?: { retry_after?: number } };
type Responder = (call: ApiCall) => ApiError | "network" | undefined;

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly files = new Map<string, Buffer>();
  private readonly responders: Responder[] = [];
  private nextMessageId = new Map<number, number>();
  /** Chats that behave as if the user never started the bot or blocked it. */
  readonly blockedChats = new Set<number>();

  private readonly waiters: { match: (call: ApiCall) => boolean; resolve: (call: ApiCall) => void }[] = [];

  constructor(
    readonly token: string,
    readonly botInfo: UserFromGetMe,
    /** The test's clock: the dates of the messages the fake "sends". */
    private readonly now: () => Date,
  ) {}

  /** Resolves with the first call (already made or yet to come) that matches: waits on the event, never polls. */
  whenCalled(match: (call: ApiCall) => boolean): Promise<ApiCall> {
    const made = this.calls.find(match);
    if (made) return Promise.resolve(made);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  private notify(call: ApiCall): void {
    for (const w of [...this.waiters]) {
      if (!w.match(call)) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(call);
    }
  }

  /** Registers bytes so that getFile + download of `fileId` returns them. */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, bytes);
  }

  /** Makes matching calls fail; return undefined from `fn` to let a call through. Returns an undo. */
  respond(fn: Responder): () => void {
    this.responders.push(fn);
    return () => this.responders.splice(this.responders.indexOf(fn), 1);
  }

  /** Fails the next `count` calls of `method` with `error`. */
  failNext(method: string, error: ApiError | "network", count = 1): void {
    let left = count;
    const undo = this.respond((call) => {
      if (call.method !== method || left <= 0) return undefined;
      left -= 1;
      if (left === 0) queueMicrotask(undo);
      return error;
    });
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const filePrefix = `/file/bot${this.token}/`;
    if (url.pathname.startsWith(filePrefix)) {
      const bytes = this.files.get(decodeURIComponent(url.pathname.slice(filePrefix.length)));
      return bytes ? new Response(new Uint8Array(bytes)) : new Response("Not Found", { status: 404 });
    }
    const method = url.pathname.split("/").pop()!;
    const call = await readCall(method, init);
    this.calls.push(call);
    for (const responder of this.responders) {
      const failure = responder(call);
      if (failure) call.error = failure;
      if (failure === "network") throw new TypeError("fetch failed (simulated network error)");
      if (failure) return json({ ok: false, ...failure });
    }
    const chatId = Number(call.payload.chat_id);
    if (this.blockedChats.has(chatId) && method.startsWith("send")) {
      call.error = { error_code: 403, description: "Forbidden: bot was blocked by the user" };
      return json({ ok: false, ...call.error });
    }
    call.result = this.answer(call);
    this.notify(call);
    return json({ ok: true, result: call.result });
  };

  private answer(call: ApiCall): unknown {
    const p = call.payload;
    switch (call.method) {
      case "getMe":
        return this.botInfo;
      case "getFile": {
        const bytes = this.files.get(p.file_id);
        return { file_id: p.file_id, file_unique_id: `u-${p.file_id}`, file_size: bytes?.length, file_path: p.file_id };
      }
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto":
        return this.message(call);
      case "editMessageText":
      case "editMessageReplyMarkup":
      case "editMessageCaption":
        return p.inline_message_id ? true : { ...this.baseMessage(Number(p.chat_id), Number(p.message_id)), text: p.text };
      default:
        return true;
    }
  }

  private message(call: ApiCall) {
    const chatId = Number(call.payload.chat_id);
    const id = (this.nextMessageId.get(chatId) ?? 1000) + 1;
    this.nextMessageId.set(chatId, id);
    const msg: Record<string, unknown> = { ...this.baseMessage(chatId, id) };
    if (call.payload.text !== undefined) msg.text = call.payload.text;
    if (call.payload.reply_markup) msg.reply_markup = call.payload.reply_markup;
    const doc = call.files.document;
    if (doc) msg.document = { file_id: `sent-${id}`, file_unique_id: `su-${id}`, file_name: doc.name, file_size: doc.bytes.length };
    return msg;
  }

  private baseMessage(chatId: number, messageId: number) {
    return {
      message_id: messageId,
      date: Math.floor(this.now().getTime() / 1000),
      chat: chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "supergroup", title: "Group" },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
    };
  }
}

async function readCall(method: string, init: RequestInit | undefined): Promise<ApiCall> {
  const call: ApiCall = { method, payload: {}, files: {} };
  const body = init?.body;
  if (body === undefined || body === null) return call;
  const headers = new Headers(init?.headers);
  const type = headers.get("content-type") ?? "";
  if (type.includes("application/json") && typeof body === "string") {
    call.payload = JSON.parse(body);
    return call;
  }
  // Uploads come as multipart form data. grammY streams it (a Node Readable) in a dialect undici's
  // strict parser refuses (no spaces after ';', unquoted filename), so it is read and split by hand.
  const raw = await readBody(body);
  const boundary = /boundary=(.+)$/.exec(type)?.[1]?.replace(/^"|"$/g, "");
  if (!boundary) return call;
  const parts = parseMultipart(raw, boundary);
  const uploads = new Map(parts.filter((p) => p.filename !== undefined).map((p) => [p.name, p]));
  for (const part of parts) {
    if (part.filename !== undefined) continue;
    const value = part.data.toString("utf8");
    const attached = /^attach:\/\/(.+)$/.exec(value)?.[1];
    const upload = attached ? uploads.get(attached) : undefined;
    if (upload) {
      call.files[part.name] = { name: upload.filename!, bytes: upload.data };
      call.payload[part.name] = `attach://${upload.filename}`;
    } else {
      call.payload[part.name] = tryJson(value);
    }
  }
  return call;
}

async function readBody(body: unknown): Promise<Buffer> {
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  return Buffer.from(await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer());
}

export function parseMultipart(raw: Buffer, boundary: string): { name: string; filename?: string; data: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (raw.subarray(from, from + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, from);
    if (next < 0) break;
    const chunk = raw.subarray(from + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, split).toString("utf8");
    const name = /name="?([^";\r\n]+)"?/i.exec(head.replace(/filename=[^;\r\n]*/i, ""))?.[1] ?? "";
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: Buffer.from(chunk.subarray(split + 4)) });
    start = next;
  }
  return parts;
}

function tryJson(value: string): unknown {
  if (!/^[[{"]|^-?\d|^true$|^false$/.test(value)) return value;
  try {
    const parsed = JSON.parse(value);
    // Chat ids and such come back as numbers; long digit strings that are not safe stay text.
    return typeof parsed === "number" && !Number.isSafeInteger(parsed) ? value : parsed;
  } catch {
    return value;
  }
}

function json(data: unknown): Response {
  return new Response(JSON.stringify(data), { headers: { "content-type": "application/json" } });
}
