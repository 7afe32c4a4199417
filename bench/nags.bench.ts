// Plans every nag (unassigned pool, deadlines, overdue calls, checklist steps, unreachable people) for
// 500 teams / 10,000 managers / 1,000,000 clients, through the jobs themselves (each enqueues its grouped
// messages into the outbox of a real WAL database file), one run per team and job, as the scheduler does.
//   nags.plan_ms_1m      wall time of planning all of it
//   nags.peak_rss_mb     peak RSS of the process while planning
//   nags.messages        messages planned (for context)
//   nags.plan_cpu_ms_1m  CPU time of the planning (wall time also counts whatever else the machine runs)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { Config } from "../src/platform/config.js";
import { createI18n } from "../src/bot/i18n.js";
import type { BotContext } from "../src/bot/context.js";
import { closeDatabase, openDatabase, type Db } from "../src/db/client.js";
import { nags } from "../src/nags/capability.js";
import { runJobNow } from "../src/jobs/scheduler.js";
import type { JobDeps } from "../src/jobs/types.js";
import { peakRssMb, round, timeMs, type BenchResult } from "./lib.js";

const TEAMS = 500;
const MEMBERS_PER_TEAM = 20; // 2 leads + 18 managers → 10,000 people
const CLIENTS_PER_TEAM = 2000; // → 1,000,000 clients
const now = new Date("2026-11-25T06:00:00Z"); // Wednesday 09:00 in Moscow
const DAY = 86_400_000;

function day(offset: number): string {
  return new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
}

/** A deterministic pseudo-random sequence, so every run plans the same world. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function buildWorld(db: Db): void {
  const q = db.$client;
  const rand = rng(42);
  const temps = ["hot", "warm", "cold"] as const;
  q.transaction(() => {
    const team = q.prepare(`INSERT INTO teams (name, timezone, manager_invite_token, lead_invite_token, created_at) VALUES (?, ?, ?, ?, 0)`);
    const member = q.prepare(
      `INSERT INTO members (team_id, telegram_id, name, role, status, reachability, created_at) VALUES (?, ?, ?, ?, ?, ?, 0)`,
    );
    const user = q.prepare(`INSERT INTO users (telegram_id, first_name, language_code, updated_at) VALUES (?, ?, ?, 0)`);
    const client = q.prepare(
      `INSERT INTO clients (team_id, name, phones, owner_id, temperature, status, unassigned_since, created_at, updated_at)
       VALUES (?, ?, '[]', ?, ?, 'active', ?, 0, 0)`,
    );
    const commitment = q.prepare(
      `INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const call = q.prepare(
      `INSERT INTO calls (team_id, client_id, assignee_id, handover_id, kind, due_on, status, created_at) VALUES (?, ?, ?, ?, 'reactivation', ?, ?, 0)`,
    );
    const handover = q.prepare(
      `INSERT INTO handovers (team_id, leaver_id, started_by_id, terms, last_day, status, created_at) VALUES (?, ?, ?, 'good', ?, 'active', 0)`,
    );
    const step = q.prepare(
      `INSERT INTO checklist_steps (handover_id, position, kind, responsible_id, due_on, status) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const stepKinds = ["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"];
    let telegramId = 1_000_000;
    for (let t = 0; t < TEAMS; t++) {
      const teamId = Number(team.run(`Team ${t}`, t % 5 === 0 ? "Asia/Yekaterinburg" : "Europe/Moscow", `m${t}`, `l${t}`).lastInsertRowid);
      const ids: number[] = [];
      for (let m = 0; m < MEMBERS_PER_TEAM; m++) {
        const role = m < 2 ? "lead" : "manager";
        // A few people never opened the bot (name only) or blocked it.
        const nameOnly = m === MEMBERS_PER_TEAM - 1 && t % 3 === 0;
        const blocked = m === MEMBERS_PER_TEAM - 2 && t % 4 === 0;
        const tg = nameOnly ? null : ++telegramId;
        if (tg !== null) user.run(tg, `Person ${tg}`, m % 4 === 0 ? "en" : "ru");
        ids.push(Number(member.run(teamId, tg, `Person ${t}-${m}`, role, "active", nameOnly ? "unknown" : blocked ? "blocked" : "ok").lastInsertRowid));
      }
      const managers = ids.slice(2);
      // Every fifth team is handing over: a leaver, a checklist, a reactivation campaign.
      const handoverId =
        t % 5 === 0 ? Number(handover.run(teamId, managers[0]!, ids[0]!, day(1)).lastInsertRowid) : null;
      if (handoverId !== null) {
        stepKinds.forEach((kind, i) => step.run(handoverId, i + 1, kind, i % 2 === 0 ? null : managers[1]!, day(i - 4), i < 2 ? "done" : "open"));
      }
      for (let c = 0; c < CLIENTS_PER_TEAM; c++) {
        const unassigned = rand() < 0.03;
        const owner = unassigned ? null : managers[Math.floor(rand() * managers.length)]!;
        const clientId = Number(client.run(teamId, `Client ${t}-${c}`, owner, temps[c % 3]!, unassigned ? now.getTime() - Math.floor(rand() * 30) * DAY : null).lastInsertRowid);
        if (rand() < 0.1) {
          const status = rand() < 0.7 ? "open" : "done";
          commitment.run(teamId, clientId, owner, rand() < 0.5 ? "promise" : "document", `Promise ${c}`, day(Math.floor(rand() * 60) - 30), status);
        }
        if (handoverId !== null && rand() < 0.5 && owner !== null) {
          call.run(teamId, clientId, owner, handoverId, day(Math.floor(rand() * 12) - 8), rand() < 0.6 ? "open" : "reached");
        }
      }
    }
  })();
  q.pragma("optimize");
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "nags-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  try {
    const built = await timeMs(() => buildWorld(db));
    const counts = db.$client
      .prepare(`SELECT (SELECT COUNT(*) FROM teams) t, (SELECT COUNT(*) FROM members) m, (SELECT COUNT(*) FROM clients) c,
                 (SELECT COUNT(*) FROM commitments) k, (SELECT COUNT(*) FROM calls) cl`)
      .get() as { t: number; m: number; c: number; k: number; cl: number };
    console.error(`  world: ${counts.t} teams, ${counts.m} members, ${counts.c} clients, ${counts.k} commitments, ${counts.cl} calls (built in ${round(built / 1000, 1)} s)`);

    const deps: JobDeps = {
      db,
      i18n: createI18n<BotContext>(() => "ru"),
      clock: { now: () => now },
      logger: pino({ level: "silent" }),
      config: { botToken: "1:x", databasePath: "", apiRoot: "http://127.0.0.1", defaultTimezone: "Europe/Moscow", logLevel: "silent" } as Config,
      botUsername: "bench_bot",
    };
    let messages = 0;
    const cpuBefore = process.cpuUsage();
    const { result: ms, peakMb } = await peakRssMb(() =>
      timeMs(() => {
        for (const job of nags.jobs ?? []) messages += runJobNow(deps, job.name, { now }).enqueued;
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const byKind = db.$client.prepare(`SELECT kind, COUNT(*) n FROM notifications GROUP BY kind ORDER BY kind`).all() as { kind: string; n: number }[];
    console.error(`  planned ${messages} messages: ${byKind.map((k) => `${k.kind} ${k.n}`).join(", ")}`);
    return [
      { name: "nags.plan_ms_1m", value: round(ms, 1), unit: "ms" },
      { name: "nags.peak_rss_mb", value: round(peakMb, 1), unit: "MB" },
      { name: "nags.messages", value: messages, unit: "messages" },
      // CPU time of the same run: on a busy machine the wall time above also counts other processes.
      { name: "nags.plan_cpu_ms_1m", value: round((cpu.user + cpu.system) / 1000, 1), unit: "ms" },
    ];
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
