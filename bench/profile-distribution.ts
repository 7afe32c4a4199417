// What the distribution tap's stalls are made of: `npx tsx bench/profile-distribution.ts [rounds] [--autocheckpoint]`
// runs the tap of bench/distribution-tap.ts (50,000 clients, another user tapping every 10 ms) and lists
// every stall of the event loop longer than 30 ms (a 1 ms timer's late firing) with, over the same
// stretch: the main thread's time on a core and waiting for one (/proc/<pid>/task/<pid>/schedstat, Linux),
// and the collections (their kind and time). `--autocheckpoint` runs it without the checkpoint worker.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PerformanceObserver, constants } from "node:perf_hooks";
import { startCheckpointer } from "../src/db/checkpointer.js";
import { closeDatabase } from "../src/db/client.js";
import { proposeForHandover } from "../src/distribution/propose.js";
import { createHarness } from "../test/support/harness.js";
import { callbackUpdate, privateChat, telegramUser } from "../test/support/updates.js";
import { buildWorld } from "./distribution.bench.js";

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1);
const withWorker = !process.argv.includes("--autocheckpoint");
const now = new Date("2026-11-23T06:00:00Z");
const STALL_MS = 30;

/** The main thread's nanoseconds on a core and waiting for one. */
const sched = (): [number, number] => {
  const [run, wait] = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, "utf8").split(" ").map(Number);
  return [run!, wait!];
};
const gcKind = (k: number) =>
  k === constants.NODE_PERFORMANCE_GC_MAJOR ? "major" : k === constants.NODE_PERFORMANCE_GC_MINOR ? "minor" : k === constants.NODE_PERFORMANCE_GC_INCREMENTAL ? "incr" : "weak";

for (let r = 0; r < rounds; r++) {
  const w = buildWorld(50_000);
  const proposed = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
  if (!proposed.ok) throw new Error(proposed.reason);
  closeDatabase(w.db);
  const path = join(w.dir, "bench.sqlite");
  const h = await createHarness({ databasePath: path, now: now.toISOString() });
  const checkpoints = withWorker ? startCheckpointer(h.db, path, { logger: h.deps.logger }) : null;
  if (checkpoints && !(await checkpoints.running())) throw new Error("no checkpoint worker");
  const lead = telegramUser(1, { first_name: "Lead" });
  const other = telegramUser(10_001, { first_name: "Manager" });
  const otherTap = () => h.bot.handleUpdate(callbackUpdate(other, "today:p:0", { message_id: 1, chat: privateChat(other) }, h.clock.now()));
  for (let i = 0; i < 50; i++) await otherTap();

  const gcs: { start: number; ms: number; kind: string }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: gcKind((e as unknown as { detail: { kind: number } }).detail.kind) });
  });
  observer.observe({ entryTypes: ["gc"] });
  const stalls: { at: number; ms: number; runMs: number; waitMs: number }[] = [];
  let last = performance.now();
  let lastSched = sched();
  const probe = setInterval(() => {
    const t = performance.now();
    const s = sched();
    if (t - last > STALL_MS) stalls.push({ at: last, ms: t - last, runMs: (s[0] - lastSched[0]) / 1e6, waitMs: (s[1] - lastSched[1]) / 1e6 });
    last = t;
    lastSched = s;
  }, 1);
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => pending.push(otherTap()), 10);
  const start = performance.now();
  const startSched = sched();
  await h.bot.handleUpdate(callbackUpdate(lead, `dist:a:${proposed.view.distributionId}`, { message_id: 1, chat: privateChat(lead) }, h.clock.now()));
  const end = performance.now();
  const endSched = sched();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  clearInterval(timer);
  await Promise.all(pending);
  observer.disconnect();
  const inTap = gcs.filter((g) => g.start >= start && g.start <= end);
  const sum = (kind: string) => inTap.filter((g) => g.kind === kind).reduce((a, g) => a + g.ms, 0);
  console.log(
    `round ${r + 1} (${withWorker ? "checkpoint worker" : "auto-checkpoint"}): tap ${Math.round(end - start)} ms, main thread on a core ${Math.round((endSched[0] - startSched[0]) / 1e6)} ms, ` +
      `waiting for one ${Math.round((endSched[1] - startSched[1]) / 1e6)} ms; GC: ${inTap.length} (minor ${Math.round(sum("minor"))} ms, major ${Math.round(sum("major"))} ms, ` +
      `incremental ${Math.round(sum("incr"))} ms), longest ${Math.round(Math.max(0, ...inTap.map((g) => g.ms)))} ms`,
  );
  for (const s of stalls.sort((a, b) => b.ms - a.ms).slice(0, 12)) {
    const during = gcs.filter((g) => g.start + g.ms >= s.at && g.start <= s.at + s.ms).map((g) => `${g.kind} ${g.ms.toFixed(1)}`);
    console.log(
      `  stall ${s.ms.toFixed(0).padStart(4)} ms at +${Math.round(s.at - start)}: on a core ${s.runMs.toFixed(1)}, waiting ${s.waitMs.toFixed(1)}; GC ${during.join(", ") || "-"}`,
    );
  }
  await checkpoints?.stop();
  h.close();
  rmSync(w.dir, { recursive: true, force: true });
}
