// A 50,000-client distribution applied by the lead's tap through the real bot (follow-up included), while
// a manager taps "today" every 10 ms: how long the event loop was held, and how many of those taps were
// answered meanwhile. The WAL checkpoints run in their worker, as in the bot (src/background.ts), and the
// tap runs in a process of its own started with the bot's node flags (BOT_NODE_FLAGS).
import { fork } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startCheckpointer } from "../src/db/checkpointer.js";
import { closeDatabase } from "../src/db/client.js";
import { proposeForHandover } from "../src/distribution/propose.js";
import { createHarness } from "../test/support/harness.js";
import { callbackUpdate, privateChat, telegramUser } from "../test/support/updates.js";
import { buildWorld } from "./distribution.bench.js";

const OTHER_TAP_EVERY_MS = 10;

export interface TapRun {
  wholeMs: number;
  maxLoopDelayMs: number;
  otherTapsAnswered: number;
  otherTapsSent: number;
}

export async function applyByTap(clients: number, now: Date): Promise<TapRun> {
  const w = buildWorld(clients);
  const proposed = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
  if (!proposed.ok) throw new Error(`no proposal: ${proposed.reason}`);
  closeDatabase(w.db);
  const path = join(w.dir, "bench.sqlite");
  const h = await createHarness({ databasePath: path, now: now.toISOString() });
  const checkpoints = startCheckpointer(h.db, path, { logger: h.deps.logger });
  if (!(await checkpoints.running())) throw new Error("the checkpoint worker did not start");
  const lead = telegramUser(1, { first_name: "Lead" });
  const other = telegramUser(10_001, { first_name: "Manager" });
  // Warm the other user's path (JIT, statements) before measuring.
  for (let i = 0; i < 50; i++) await h.bot.handleUpdate(callbackUpdate(other, "today:p:0", { message_id: 1, chat: privateChat(other) }, h.clock.now()));

  let answered = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    sent++;
    pending.push(h.bot.handleUpdate(callbackUpdate(other, "today:p:0", { message_id: 1, chat: privateChat(other) }, h.clock.now())).then(() => void answered++));
  }, OTHER_TAP_EVERY_MS);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // monitorEventLoopDelay misses a loop held from start to end; a 5 ms timer's late firings catch it.
  let last = performance.now();
  let maxLate = 0;
  const probe = setInterval(() => {
    const t = performance.now();
    maxLate = Math.max(maxLate, t - last - 5);
    last = t;
  }, 5);
  const start = process.hrtime.bigint();
  await h.bot.handleUpdate(callbackUpdate(lead, `dist:a:${proposed.view.distributionId}`, { message_id: 1, chat: privateChat(lead) }, h.clock.now()));
  const wholeMs = Number(process.hrtime.bigint() - start) / 1e6;
  // One more turn of the timers, so a loop held to the very end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  clearInterval(probe);
  clearInterval(timer);
  const answeredDuring = answered;
  await Promise.all(pending);
  if (h.errors().length > 0) throw new Error(`errors logged: ${JSON.stringify(h.errors()[0])}`);
  const calls = (h.db.$client.prepare(`SELECT count(*) AS n FROM calls`).get() as { n: number }).n;
  const followed = h.db.$client.prepare(`SELECT followed_up_at FROM distributions WHERE id = ?`).pluck().get(proposed.view.distributionId);
  if (calls < clients || followed === null) throw new Error(`follow-up not finished: ${calls} calls, followed_up_at ${String(followed)}`);
  await checkpoints.stop();
  h.close();
  rmSync(w.dir, { recursive: true, force: true });
  return { wholeMs, maxLoopDelayMs: Math.max(delay.max / 1e6, maxLate), otherTapsAnswered: answeredDuring, otherTapsSent: sent };
}

/**
 * The V8 flags `npm start` and the Dockerfile run the bot with. `--single-threaded-gc`: on a busy small
 * machine a collection's helper threads wait for a core while the event loop waits for them (a minor
 * collection of 67 ms with 4 ms of the main thread's CPU in bench/profile-distribution.ts); the main thread
 * doing the whole collection itself kept every one under ~60 ms.
 */
const BOT_NODE_FLAGS = ["--single-threaded-gc"];

/** applyByTap in a fresh process with the bot's node flags, warmed by a 2,000-client tap first. */
export function applyByTapAsTheBotRuns(clients: number, now: Date): Promise<TapRun> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--tap", String(clients), now.toISOString()], { execArgv: [...process.execArgv, ...BOT_NODE_FLAGS] });
    let result: TapRun | null = null;
    child.once("message", (m) => void (result = m as TapRun));
    child.once("error", reject);
    child.once("exit", (code) => (result && code === 0 ? resolve(result) : reject(new Error(`the tap's process ended with code ${code}`))));
  });
}

if (process.argv[2] === "--tap" && process.send) {
  const now = new Date(process.argv[4]!);
  await applyByTap(2_000, now);
  const run = await applyByTap(Number(process.argv[3]), now);
  process.send(run, () => process.disconnect());
}
