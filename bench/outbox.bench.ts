// Drains outbox messages with the real paced sender at its production concurrency, through grammY, against
// a local HTTP Bot API (node:http on 127.0.0.1, a random port, in a worker thread) that enforces
// Telegram's limits and answers 429 with retry_after when they are exceeded.
//
// At Telegram's real limits, not scaled: 30 messages/s overall, 1/s per private chat. 600 messages to 150
// chats, four each, enqueued chat by chat, so the sender must interleave chats and the per-chat limit is
// exercised while the overall one binds (about 20 s).
//   outbox.real_rate_ratio  achieved rate (messages/s between the first and the last arrival) / allowed rate
//   outbox.http_429         429 answers the endpoint gave (target 0)
//   outbox.real_rate_msgs_per_s  the achieved rate, with the allowed one as baseline
// BENCH_DEBUG=1 also prints gaps between arrivals and the event loop's delay (where the time went).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { Api } from "grammy";
import { pino } from "pino";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { systemClock } from "../src/platform/clock.js";
import { enqueue } from "../src/outbox/outbox.js";
import { TELEGRAM_LIMITS, type Limits } from "../src/outbox/rate-limit.js";
import { drainUntilIdle } from "../src/outbox/sender.js";
import { deliveryHooks } from "../src/background.js";
import { round, type BenchResult } from "./lib.js";

const CHATS = 150;
const PER_CHAT = 4;
const MESSAGES = CHATS * PER_CHAT;
const TOKEN = "123456:BENCH-token";

/**
 * The fake Bot API runs in a worker thread, with its own event loop and clock, as Telegram's servers are
 * elsewhere: a pause of the sender's thread does not stop the server from counting arrivals. It enforces
 * the limits as sliding windows over arrival times, with no headroom, and answers 429 with retry_after.
 */
const serverSource = `
const { createServer } = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const limits = workerData.limits;
const global = [];
let globalStart = 0;
const chats = new Map();
const arrivals = [];
let rejected = 0;
let messageId = 0;
function admit(chatId, at) {
  while (globalStart < global.length && global[globalStart] <= at - limits.global.windowMs) globalStart++;
  const chatLimit = chatId < 0 ? limits.group : limits.privateChat;
  const chat = (chats.get(chatId) || []).filter((t) => t > at - chatLimit.windowMs);
  if (global.length - globalStart >= limits.global.count || chat.length >= chatLimit.count) { rejected++; return 1; }
  global.push(at); chat.push(at); chats.set(chatId, chat); arrivals.push(at);
  return 0;
}
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const at = performance.now();
    const method = (req.url || "").split("/").pop();
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
    const reply = (data) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify(data)); };
    if (method === "getMe") return reply({ ok: true, result: { id: 123456, is_bot: true, first_name: "Bench", username: "bench_bot" } });
    if (method !== "sendMessage") return reply({ ok: true, result: true });
    const chatId = Number(body.chat_id);
    const retryAfter = admit(chatId, at);
    if (retryAfter > 0) return reply({ ok: false, error_code: 429, description: "Too Many Requests: retry after " + retryAfter, parameters: { retry_after: retryAfter } });
    reply({ ok: true, result: { message_id: ++messageId, date: 0, chat: { id: chatId, type: "private", first_name: "U" }, text: body.text } });
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", () => {
  parentPort.postMessage({ arrivals, rejected });
  server.close();
});
`;

interface ServerReport {
  arrivals: number[];
  rejected: number;
}

async function startFakeBotApi(limits: Limits): Promise<{ port: number; finish(): Promise<ServerReport> }> {
  const worker = new Worker(serverSource, { eval: true, workerData: { limits } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", (m: { port: number }) => resolve(m.port));
    worker.once("error", reject);
  });
  return {
    port,
    async finish() {
      const report = new Promise<ServerReport>((resolve) => worker.once("message", resolve));
      worker.postMessage("done");
      const result = await report;
      await worker.terminate();
      return result;
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const limits = TELEGRAM_LIMITS;
  const server = await startFakeBotApi(limits);
  const port = server.port;
  let finished = false;
  const dir = mkdtempSync(join(tmpdir(), "outbox-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  try {
    const now = systemClock.now();
    db.transaction(() => {
      for (let i = 0; i < MESSAGES; i++) {
        const chat = Math.floor(i / PER_CHAT);
        enqueue(db, { chatId: 100_000 + chat, kind: "bench", dedupeKey: `bench:${i}`, text: `Сообщение <b>${i}</b>` }, now);
      }
    });
    const sends: number[] = [];
    const api = new Api(TOKEN, {
      apiRoot: `http://127.0.0.1:${port}`,
      ...(process.env.BENCH_DEBUG ? { fetch: ((url: string, init: RequestInit) => (sends.push(performance.now()), fetch(url, init))) as typeof fetch } : {}),
    });
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const logger = pino({ level: "silent" });
    const stats = await drainUntilIdle(
      // The production hooks: every message passes the leaver check, as in the bot.
      { db, api, clock: systemClock, logger, hooks: deliveryHooks({ db, logger, botUsername: "bench_bot" }) },
      { limits }, // the production concurrency
    );
    const report = await server.finish();
    finished = true;
    const a = report.arrivals;
    const seconds = (a[a.length - 1]! - a[0]!) / 1000;
    if (process.env.BENCH_DEBUG) {
      const gaps = a.slice(1).map((t, i) => t - a[i]!);
      const big = gaps.filter((g) => g > 20);
      console.error(`  gaps > 20 ms: ${big.length}, totalling ${round(big.reduce((x, y) => x + y, 0))} ms; max ${round(Math.max(...gaps))} ms`);
      console.error(`  event loop delay: p50 ${round(loopDelay.percentile(50) / 1e6)} ms, p99 ${round(loopDelay.percentile(99) / 1e6)} ms, max ${round(loopDelay.max / 1e6)} ms`);
      const sg = sends.slice(1).map((t, i) => t - sends[i]!);
      const sbig = sg.filter((g) => g > 20);
      console.error(`  sender side: gaps > 20 ms: ${sbig.length}, totalling ${round(sbig.reduce((x, y) => x + y, 0))} ms; hist ${[20, 50, 100, 200, 500].map((b) => sg.filter((g) => g > b).length).join("/")}`);
    }
    const achieved = (a.length - 1) / seconds;
    const allowed = limits.global.count / (limits.global.windowMs / 1000);
    const pending = db.$client.prepare(`SELECT COUNT(*) AS n FROM notifications WHERE status != 'sent'`).get() as { n: number };
    console.error(
      `  sent ${stats.sent} of ${MESSAGES} (not sent: ${pending.n}) in ${round(seconds, 1)} s; real limits: ${allowed}/s allowed, ${round(achieved, 1)}/s achieved; 429 answers: ${report.rejected}`,
    );
    return [
      { name: "outbox.real_rate_ratio", value: round(achieved / allowed, 3), unit: "ratio" },
      { name: "outbox.http_429", value: report.rejected, unit: "answers" },
      { name: "outbox.real_rate_msgs_per_s", value: round(achieved, 1), unit: "msg/s", baseline: allowed, ratio: round(achieved / allowed, 3) },
    ];
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
    if (!finished) await server.finish();
  }
}
