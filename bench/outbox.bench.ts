// Drains 10,000 outbox messages, one to each of 10,000 private chats (so the overall limit is the one that
// binds), with the real paced sender, through grammY, against a local HTTP Bot API (node:http on
// 127.0.0.1, a random port) that enforces Telegram's limits and answers 429 with retry_after when they are
// exceeded.
//
// Scale, said honestly: at Telegram's 30 messages/s the run would take 333 s, so the fake endpoint's limits
// AND the sender's limits are both scaled by SCALE (overall 30/s → 300/s, per private chat 1/s → 10/s, per
// group 20/min → 200/min; see scaleLimits). Everything else is as in production.
//   outbox.rate_ratio   achieved rate (messages/s between the first and the last arrival) / allowed rate
//   outbox.http_429     429 answers the endpoint gave (target 0)
//   outbox.rate_msgs_per_s  the achieved rate, with the allowed one as baseline
//   outbox.limit_scale  SCALE, so the figures are read with it
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import { pino } from "pino";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { systemClock } from "../src/domain/clock.js";
import { enqueue } from "../src/outbox/outbox.js";
import { isGroupChat, scaleLimits, TELEGRAM_LIMITS, type Limits } from "../src/outbox/rate-limit.js";
import { drainUntilIdle } from "../src/outbox/sender.js";
import { round, type BenchResult } from "./lib.js";

const MESSAGES = 10_000;
const SCALE = 10;
const TOKEN = "123456:BENCH-token";

/** Telegram's limits as the server sees them: sliding windows over arrival times, no margin. */
class Enforcer {
  private readonly global: number[] = [];
  private globalStart = 0;
  private readonly chats = new Map<number, number[]>();
  arrivals: number[] = [];
  rejected = 0;

  constructor(private readonly limits: Limits) {}

  /** Seconds to retry after, or 0 when the call is within the limits (and is then counted). */
  admit(chatId: number, at: number): number {
    const g = this.limits.global;
    while (this.globalStart < this.global.length && this.global[this.globalStart]! <= at - g.windowMs) this.globalStart++;
    const chatLimit = isGroupChat(chatId) ? this.limits.group : this.limits.privateChat;
    const chat = (this.chats.get(chatId) ?? []).filter((t) => t > at - chatLimit.windowMs);
    if (this.global.length - this.globalStart >= g.count || chat.length >= chatLimit.count) {
      this.rejected++;
      return 1;
    }
    this.global.push(at);
    chat.push(at);
    this.chats.set(chatId, chat);
    this.arrivals.push(at);
    return 0;
  }
}

function fakeBotApi(enforcer: Enforcer) {
  let messageId = 0;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop();
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
      const reply = (data: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(data));
      };
      if (method === "getMe") return reply({ ok: true, result: { id: 123456, is_bot: true, first_name: "Bench", username: "bench_bot" } });
      if (method !== "sendMessage") return reply({ ok: true, result: true });
      const chatId = Number(body.chat_id);
      const retryAfter = enforcer.admit(chatId, performance.now());
      if (retryAfter > 0) {
        return reply({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
      reply({ ok: true, result: { message_id: ++messageId, date: 0, chat: { id: chatId, type: "private", first_name: "U" }, text: body.text } });
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  const limits = scaleLimits(TELEGRAM_LIMITS, SCALE);
  const enforcer = new Enforcer({ ...limits, marginMs: 0 });
  const server = fakeBotApi(enforcer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), "outbox-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  try {
    const now = systemClock.now();
    db.transaction(() => {
      for (let i = 0; i < MESSAGES; i++) {
        enqueue(db, { chatId: 100_000 + i, kind: "bench", dedupeKey: `bench:${i}`, text: `Сообщение <b>${i}</b>` }, now);
      }
    });
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${port}` });
    const stats = await drainUntilIdle(
      { db, api, clock: systemClock, logger: pino({ level: "silent" }), botUsername: "bench_bot" },
      { limits, concurrency: 16 },
    );
    const a = enforcer.arrivals;
    const seconds = (a[a.length - 1]! - a[0]!) / 1000;
    const achieved = (a.length - 1) / seconds;
    const allowed = limits.global.count / (limits.global.windowMs / 1000);
    const pending = db.$client.prepare(`SELECT COUNT(*) AS n FROM notifications WHERE status != 'sent'`).get() as { n: number };
    console.error(
      `  sent ${stats.sent} of ${MESSAGES} (not sent: ${pending.n}) in ${round(seconds, 1)} s; limits scaled x${SCALE}: ${allowed}/s allowed, ${round(achieved, 1)}/s achieved; 429 answers: ${enforcer.rejected}`,
    );
    return [
      { name: "outbox.rate_ratio", value: round(achieved / allowed, 3), unit: "ratio" },
      { name: "outbox.http_429", value: enforcer.rejected, unit: "answers" },
      { name: "outbox.rate_msgs_per_s", value: round(achieved, 1), unit: "msg/s", baseline: allowed, ratio: round(achieved / allowed, 3) },
      { name: "outbox.limit_scale", value: SCALE, unit: "x" },
    ];
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
