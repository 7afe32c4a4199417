import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { openDatabase } from "../src/db/client.js";
import { nagJobs } from "../src/jobs/registry.js";
import { runJobNow } from "../src/jobs/scheduler.js";
import { timeMs } from "./lib.js";
export async function run() {
  const { buildWorldForProfile } = await import("./nags.bench.js") as any;
  const dir = mkdtempSync(join(tmpdir(), "nags-prof-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  buildWorldForProfile(db);
  const now = new Date("2026-11-25T06:00:00Z");
  const deps: any = { db, i18n: createI18n(() => "ru"), clock: { now: () => now }, logger: pino({ level: "silent" }), config: {}, botUsername: "b" };
  for (const job of nagJobs) {
    const ms = await timeMs(() => runJobNow(deps, job.name, { now }));
    console.error(job.name, Math.round(ms));
  }
  const q = db.$client;
  for (const s of [
    `EXPLAIN QUERY PLAN SELECT COUNT(*) AS n FROM clients WHERE team_id = 1 AND (owner_id IS NULL OR owner_id IN (3,4)) AND status = 'active'`,
    `EXPLAIN QUERY PLAN SELECT c.id FROM commitments c JOIN clients cl ON cl.id = c.client_id WHERE c.team_id = 1 AND c.status = 'open' AND c.due_on IS NOT NULL AND c.due_on <= '2026-11-26' AND cl.status = 'active'`,
    `EXPLAIN QUERY PLAN SELECT k.id FROM calls k JOIN clients cl ON cl.id = k.client_id WHERE k.team_id = 1 AND k.status = 'open' AND k.due_on <= '2026-11-24'`,
  ]) console.error(s.slice(19, 80), q.prepare(s).all());
  return [];
}
