// The whole morning digest job (every team's lists, each manager's rendered message, the outbox inserts)
// for 10,000 managers in 500 teams over 1,000,000 clients, and the same at 100,000 clients (same teams
// and managers, 10x fewer clients and everything hanging off them): digest.job_ms_1m and
// digest.growth_10x. The lists alone (daily_lists.*) are timed next to one hand-written indexed query
// per manager in the same run. Each size once (a 1M world takes minutes to build on a shared machine).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase, type Db } from "../src/db/client.js";
import pino from "pino";
import { createI18n } from "../src/bot/i18n.js";
import { dailyListOf, dailyListsOfTeam } from "../src/calls/daily-list.js";
import { teams } from "../src/db/schema.js";
import { planDailyDigests } from "../src/calls/daily-digest-job.js";
import type { JobDeps } from "../src/jobs/types.js";
import { round, timeMs, type BenchResult } from "./lib.js";

const TEAMS = 500;
const MANAGERS_PER_TEAM = 20; // 10,000 managers
const TODAY = "2026-11-23";

interface World {
  db: Db;
  dir: string;
  teamIds: number[];
  managerIds: number[];
  dueItems: number;
}

/** Shifts TODAY by `days` (the generator only needs a handful of nearby dates). */
function day(days: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Per client: a next contact (5% due today or earlier, 60% later, the rest none); 10% have an open call
 * due from 3 days ago to 5 days ahead; 10% an open commitment due from 5 days ago to 30 days ahead.
 */
export function buildWorld(clientsPerManager: number): World {
  const dir = mkdtempSync(join(tmpdir(), "daily-lists-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const q = db.$client;
  q.pragma("synchronous = OFF");
  const teamIds: number[] = [];
  const managerIds: number[] = [];
  const temps = ["hot", "warm", "cold"] as const;
  const past = Array.from({ length: 10 }, (_, i) => day(-i));
  const future = Array.from({ length: 60 }, (_, i) => day(i + 1));
  const callDays = Array.from({ length: 9 }, (_, i) => day(i - 3));
  const dueDays = Array.from({ length: 36 }, (_, i) => day(i - 5));
  q.transaction(() => {
    const team = q.prepare(
      `INSERT INTO teams (name, timezone, manager_invite_token, lead_invite_token, created_at) VALUES (?, 'Europe/Moscow', ?, ?, 0)`,
    );
    const member = q.prepare(`INSERT INTO members (team_id, telegram_id, name, role, reachability, created_at) VALUES (?, ?, ?, 'manager', 'ok', 0)`);
    const client = q.prepare(
      `INSERT INTO clients (team_id, name, phones, primary_phone, owner_id, temperature, status, next_contact_on, created_at, updated_at)
       VALUES (?, ?, '[]', NULL, ?, ?, 'active', ?, 0, 0)`,
    );
    const call = q.prepare(`INSERT INTO calls (team_id, client_id, assignee_id, kind, due_on, status, attempts, created_at) VALUES (?, ?, ?, 'reactivation', ?, 'open', 0, 0)`);
    const commitment = q.prepare(
      `INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, 'promise', ?, ?, 'open', 0)`,
    );
    let n = 0;
    for (let t = 0; t < TEAMS; t++) {
      const teamId = Number(team.run(`Team ${t}`, `m${t}`, `l${t}`).lastInsertRowid);
      teamIds.push(teamId);
      for (let m = 0; m < MANAGERS_PER_TEAM; m++) {
        const managerId = Number(member.run(teamId, 1_000_000 + managerIds.length, `Manager ${managerIds.length}`).lastInsertRowid);
        managerIds.push(managerId);
        for (let c = 0; c < clientsPerManager; c++, n++) {
          const r = n % 100;
          const next = r < 5 ? past[n % past.length]! : r < 65 ? future[n % future.length]! : null;
          const clientId = Number(client.run(teamId, `Client ${n}`, managerId, temps[n % 3]!, next).lastInsertRowid);
          if (n % 10 === 1) call.run(teamId, clientId, managerId, callDays[n % callDays.length]!);
          if (n % 10 === 6) commitment.run(teamId, clientId, managerId, `Promise ${n}`, dueDays[n % dueDays.length]!);
        }
      }
    }
  })();
  q.pragma("synchronous = NORMAL");
  q.exec("ANALYZE");
  return { db, dir, teamIds, managerIds, dueItems: 0 };
}

/** What the digest does: every team's lists, a few queries per team. */
function buildAllLists(w: World): number {
  let items = 0;
  for (const teamId of w.teamIds) {
    for (const list of dailyListsOfTeam(w.db, { teamId, today: TODAY }).values()) items += list.counts.total;
  }
  return items;
}

/** /today for everyone: the member-indexed variant. */
function buildPerMember(w: World): number {
  let items = 0;
  for (const memberId of w.managerIds) items += dailyListOf(w.db, { memberId, today: TODAY }).counts.total;
  return items;
}

/** The hand-written reference: one indexed query per manager (their open calls due by today). */
function handQueries(w: World): number {
  const stmt = w.db.$client.prepare(
    `SELECT k.id, k.client_id, c.name, k.due_on FROM calls k JOIN clients c ON c.id = k.client_id
      WHERE k.assignee_id = ? AND k.status = 'open' AND k.due_on <= ?`,
  );
  let rows = 0;
  for (const id of w.managerIds) rows += stmt.all(id, TODAY).length;
  return rows;
}

/** The digest job as the scheduler runs it at the digest hour: every team, enqueued into the outbox. */
export function digestJob(w: World): number {
  const deps = { db: w.db, i18n: createI18n(() => "ru"), logger: pino({ level: "silent" }) } as unknown as JobDeps;
  const now = new Date(`${TODAY}T06:00:00Z`); // 09:00 in Moscow, a Monday
  let planned = 0;
  for (const team of w.db.select().from(teams).all()) planned += planDailyDigests(deps, team, now);
  return planned;
}

/** Best of `runs` after one warm-up run (the data is in the page cache, as on a live server). */
async function best(fn: () => unknown, runs = 3): Promise<number> {
  fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, await timeMs(fn));
  return min;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const measure = async (clientsPerManager: number) => {
    const built = Date.now();
    const w = buildWorld(clientsPerManager);
    console.error(`  ${w.managerIds.length * clientsPerManager} clients generated in ${Date.now() - built} ms`);
    try {
      const items = buildAllLists(w);
      const lists = await best(() => buildAllLists(w));
      const hand = await best(() => handQueries(w));
      const perMember = await best(() => buildPerMember(w), 1);
      // Once: a second run would find every digest already enqueued (dedupe keys) and do less.
      let planned = 0;
      const job = await timeMs(() => (planned = digestJob(w)));
      console.error(`  ${items} list entries; team-wide ${round(lists)} ms, per member ${round(perMember)} ms, hand ${round(hand)} ms; digest job ${round(job)} ms (${planned} messages)`);
      return { lists, hand, perMember, job };
    } finally {
      closeDatabase(w.db);
      rmSync(w.dir, { recursive: true, force: true });
    }
  };

  const small = await measure(10); // 100,000 clients
  const big = await measure(100); // 1,000,000 clients
  results.push({ name: "digest.job_ms_1m", value: round(big.job), unit: "ms", baseline: round(big.hand), ratio: round(big.job / big.hand) });
  results.push({ name: "digest.growth_10x", value: round(big.job / small.job), unit: "x", baseline: round(small.job), ratio: round(big.job / small.job) });
  results.push({ name: "daily_lists.ms_1m", value: round(big.lists), unit: "ms", baseline: round(big.hand), ratio: round(big.lists / big.hand) });
  results.push({ name: "daily_lists.growth_10x", value: round(big.lists / small.lists), unit: "x", baseline: round(small.lists), ratio: round(big.lists / small.lists) });
  results.push({ name: "daily_lists.per_member_ms_1m", value: round(big.perMember), unit: "ms", baseline: round(big.hand), ratio: round(big.perMember / big.hand) });
  return results;
}
