// De-starring at scale: 500 teams, 10,000 managers, 1,000,000 clients whose voices come from 3,000,000
// touches. `stars.plan_ms_1m` times the real weekly planning path (planWeekTouches for every team: the
// star snapshot, the single-voice candidates hot first, the fair assignment within caps and the inserts);
// `stars.index_ms_1m` computes every manager's star index (starLinesOfTeam for every team). The same
// world at 100,000 clients / 300,000 touches in the same run gives `stars.growth_10x`.
// BENCH_STARS_QUICK=1 runs a tiny world (a smoke test of the bench itself).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "../src/db/client.js";
import { teams } from "../src/db/schema.js";
import { planWeekTouches } from "../src/stars/plan-touches.js";
import { starLinesOfTeam } from "../src/stars/star-index.js";
import { round, timeMs, type BenchResult } from "./lib.js";

const QUICK = process.env.BENCH_STARS_QUICK === "1";
const TEAMS = QUICK ? 5 : Number(process.env.BENCH_STARS_TEAMS ?? 500);
const MEMBERS_PER_TEAM = 20; // 10,000 managers
const TOUCHES_PER_CLIENT = 3;
const NOW = new Date("2026-11-23T06:00:00Z"); // Monday 09:00 in Moscow
const DAY = 86_400_000;

interface World {
  db: Db;
  dir: string;
  teamIds: number[];
  touches: number;
}

/** Deterministic pseudo-random numbers. */
function lcg(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x;
  };
}

/**
 * Per client three touches by members of its team: about half by the owner, the rest by a colleague;
 * a third of the colleagues' touches are older than the 12-month window. So roughly 45% of clients end up
 * with a single voice, as in a team that has only started de-starring.
 */
export function buildWorld(clientsPerMember: number): World {
  const dir = mkdtempSync(join(tmpdir(), "stars-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const q = db.$client;
  q.pragma("synchronous = OFF");
  const teamIds: number[] = [];
  const temps = ["hot", "warm", "cold"] as const;
  const rnd = lcg(42);
  let touches = 0;
  q.transaction(() => {
    const team = q.prepare(`INSERT INTO teams (name, timezone, manager_invite_token, lead_invite_token, created_at) VALUES (?, 'Europe/Moscow', ?, ?, 0)`);
    const member = q.prepare(`INSERT INTO members (team_id, telegram_id, name, role, reachability, created_at) VALUES (?, ?, ?, ?, 'ok', 0)`);
    const client = q.prepare(
      `INSERT INTO clients (team_id, name, phones, owner_id, temperature, status, created_at, updated_at) VALUES (?, ?, '[]', ?, ?, 'active', 0, 0)`,
    );
    const voice = q.prepare(
      `INSERT INTO client_voices (team_id, client_id, member_id, last_touch_at, source) VALUES (?, ?, ?, ?, 'call')
       ON CONFLICT (client_id, member_id) DO UPDATE SET last_touch_at = max(last_touch_at, excluded.last_touch_at)`,
    );
    let n = 0;
    let tg = 1_000_000;
    for (let t = 0; t < TEAMS; t++) {
      const teamId = Number(team.run(`Team ${t}`, `m${t}`, `l${t}`).lastInsertRowid);
      teamIds.push(teamId);
      const ids: number[] = [];
      for (let m = 0; m < MEMBERS_PER_TEAM; m++) ids.push(Number(member.run(teamId, tg++, `Member ${tg}`, m === 0 ? "lead" : "manager").lastInsertRowid));
      for (const owner of ids) {
        for (let c = 0; c < clientsPerMember; c++, n++) {
          const clientId = Number(client.run(teamId, `Client ${n}`, owner, temps[n % 3]!).lastInsertRowid);
          for (let k = 0; k < TOUCHES_PER_CLIENT; k++) {
            const r = rnd();
            const byOwner = r % 2 === 0;
            const who = byOwner ? owner : ids[(r >> 3) % ids.length]!;
            const old = (r >> 8) % 3 === 0;
            voice.run(teamId, clientId, who, NOW.getTime() - (old ? 400 : (r >> 10) % 300) * DAY);
            touches++;
          }
        }
      }
    }
  })();
  q.pragma("synchronous = NORMAL");
  q.exec("ANALYZE");
  return { db, dir, teamIds, touches };
}

function teamRows(w: World) {
  return w.teamIds.map((id) => w.db.select().from(teams).where(eq(teams.id, id)).get()!);
}

export async function run(): Promise<BenchResult[]> {
  const measure = async (clientsPerMember: number) => {
    const started = process.hrtime.bigint();
    const w = buildWorld(clientsPerMember);
    const clients = TEAMS * MEMBERS_PER_TEAM * clientsPerMember;
    console.error(`  ${clients} clients, ${w.touches} touches generated in ${round(Number(process.hrtime.bigint() - started) / 1e6)} ms`);
    try {
      const rows = teamRows(w);
      // The index: every manager's star index, every team (warm-up once, then the best of two).
      let managers = 0;
      const indexAll = () => {
        managers = 0;
        for (const team of rows) managers += starLinesOfTeam(w.db, team, NOW).length;
      };
      indexAll();
      const index = Math.min(await timeMs(indexAll), await timeMs(indexAll));
      // Last week's plan first (untimed: warms the statements up and leaves last week's open touches, as
      // on a live server); then this week's plan, timed. It runs once: a second run finds the week planned.
      for (const team of rows) planWeekTouches(w.db, team, new Date(NOW.getTime() - 7 * DAY));
      let planned = 0;
      const plan = await timeMs(() => {
        for (const team of rows) {
          const r = planWeekTouches(w.db, team, NOW);
          if (r.status === "planned") planned += r.planned;
        }
      });
      console.error(`  star index of ${managers} managers in ${round(index)} ms; ${planned} touches planned in ${round(plan)} ms`);
      return { plan, index, planned };
    } finally {
      closeDatabase(w.db);
      rmSync(w.dir, { recursive: true, force: true });
    }
  };

  const small = await measure(10); // 100,000 clients (1,000 when quick)
  const big = await measure(100); // 1,000,000 clients (10,000 when quick)
  return [
    { name: "stars.plan_ms_1m", value: round(big.plan), unit: "ms", baseline: round(small.plan), ratio: round(big.plan / small.plan) },
    { name: "stars.growth_10x", value: round(big.plan / small.plan), unit: "x", baseline: round(small.plan), ratio: round(big.plan / small.plan) },
    { name: "stars.index_ms_1m", value: round(big.index), unit: "ms", baseline: round(small.index), ratio: round(big.index / small.index) },
  ];
}
