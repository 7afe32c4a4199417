// Plan and apply 50,000 clients of a leaver over 50 managers through the domain functions (proposal
// saved, one-transaction apply with owners, commitments, history, pool and checklist step), next to a raw
// per-row `UPDATE clients SET owner_id` of the same rows in one transaction, in the same run. The
// follow-up transaction the bot runs right after (50,000 reactivation calls, the new owners' messages and
// CSV files) is timed on its own: `distribution.followup_ms_50k`. The tap itself (bench/distribution-tap.ts)
// and its steps' CPU time (bench/distribution-steps.ts) follow. Medians of three rounds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createI18n } from "../src/bot/i18n.js";
import { distributionNotifier } from "../src/distribution/notices.js";
import { closeDatabase, openDatabase, type Db } from "../src/db/client.js";
import { checklistSteps, handovers, members, type StepKind } from "../src/db/schema.js";
import { applyDistribution } from "../src/distribution/apply.js";
import { proposeForHandover } from "../src/distribution/propose.js";
import { followUpDistribution } from "../src/distribution/followup.js";
import { createTeam } from "../src/team/teams.js";
import { stepCpu, type StepRun } from "./distribution-steps.js";
import { applyByTapAsTheBotRuns, type TapRun } from "./distribution-tap.js";
import { round, timeMs, type BenchResult } from "./lib.js";

const CLIENTS = 50_000;
const MANAGERS = 50;
const now = new Date("2026-11-23T06:00:00Z");

interface World {
  db: Db;
  dir: string;
  teamId: number;
  leadId: number;
  leaverId: number;
  managerIds: number[];
  handoverId: number;
}

/** A real database file (WAL, as in production) with the team, its managers and the leaver's base. */
export function buildWorld(clientCount: number): World {
  const dir = mkdtempSync(join(tmpdir(), "dist-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const { team, member: lead } = createTeam(db, { name: "Bench", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "Lead" }, now });
  const addMember = (name: string, i: number) =>
    db.insert(members).values({ teamId: team.id, name, role: "manager", telegramId: 10_000 + i, reachability: "ok", createdAt: 0 }).returning({ id: members.id }).get().id;
  const leaverId = addMember("Leaver", 0);
  const managerIds = Array.from({ length: MANAGERS }, (_, i) => addMember(`Manager ${i + 1}`, i + 1));

  const q = db.$client;
  const temps = ["hot", "warm", "cold"] as const;
  q.transaction(() => {
    const insertClient = q.prepare(
      `INSERT INTO clients (team_id, name, company, phones, primary_phone, owner_id, temperature, status, next_contact_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, 0, 0)`,
    );
    const insertCommitment = q.prepare(
      `INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, 'promise', ?, ?, 'open', 0)`,
    );
    // Existing loads: every manager already has some clients.
    for (let i = 0; i < MANAGERS * 20; i++) {
      insertClient.run(team.id, `Existing ${i}`, null, "[]", null, managerIds[i % MANAGERS]!, temps[i % 3]!, null);
    }
    for (let i = 0; i < clientCount; i++) {
      const phone = `+7916${String(1_000_000 + i).padStart(7, "0")}`;
      const company = i % 10 === 0 ? `Company ${Math.floor(i / 30)}` : null; // some company groups
      const next = i % 7 === 0 ? `2026-11-${String(24 + (i % 6)).padStart(2, "0")}` : null;
      const id = Number(insertClient.run(team.id, `Client ${i}`, company, JSON.stringify([phone]), phone, leaverId, temps[i % 3]!, next).lastInsertRowid);
      if (i % 10 === 3) insertCommitment.run(team.id, id, leaverId, `Promise ${i}`, `2026-12-${String(1 + (i % 28)).padStart(2, "0")}`);
    }
  })();

  const handoverId = db.transaction((tx) => {
    const id = tx
      .insert(handovers)
      .values({ teamId: team.id, leaverId, startedById: lead.id, terms: "good", lastDay: "2026-11-27", createdAt: 0 })
      .returning({ id: handovers.id })
      .get().id;
    (["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"] as StepKind[]).forEach((kind, i) =>
      tx.insert(checklistSteps).values({ handoverId: id, position: i + 1, kind, dueOn: "2026-11-27" }).run(),
    );
    return id;
  });
  db.$client.prepare(`UPDATE members SET status = 'departing' WHERE id = ?`).run(leaverId);
  return { db, dir, teamId: team.id, leadId: lead.id, leaverId, managerIds, handoverId };
}

/** Propose and apply once, untimed: a long-running bot has its code paths warm (JIT, statement caches). */
function warmUp(i18n: ReturnType<typeof createI18n>): void {
  const w = buildWorld(2_000);
  const proposed = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
  if (proposed.ok) {
    applyDistribution(w.db, { distributionId: proposed.view.distributionId, teamId: w.teamId, actorId: w.leadId, now });
    followUpDistribution(w.db, { distributionId: proposed.view.distributionId, now, notifier: distributionNotifier(w.db, i18n) });
  }
  closeDatabase(w.db);
  rmSync(w.dir, { recursive: true, force: true });
}

interface Round {
  rawMs: number;
  proposeMs: number;
  totalMs: number;
  followUpMs: number;
}

/** One fresh world: the raw update, then the real plan + apply, then the follow-up. */
async function oneRound(i18n: ReturnType<typeof createI18n>): Promise<Round> {
  const w = buildWorld(CLIENTS);
  const q = w.db.$client;
  const leaverClients = (q.prepare(`SELECT id FROM clients WHERE owner_id = ? ORDER BY id`).all(w.leaverId) as { id: number }[]).map((r) => r.id);
  const notifier = distributionNotifier(w.db, i18n);

  // Warm-up outside the timings: statement caches, the page cache, JIT.
  q.transaction(() => {
    const update = q.prepare(`UPDATE clients SET owner_id = ? WHERE id = ?`);
    for (const id of leaverClients.slice(0, 2000)) update.run(w.leaverId, id);
  })();

  // Raw baseline: the bare minimum an apply must do — set each row's new owner, one transaction.
  const rawMs = await timeMs(() => {
    q.transaction(() => {
      const update = q.prepare(`UPDATE clients SET owner_id = ? WHERE id = ?`);
      leaverClients.forEach((id, i) => update.run(w.managerIds[i % MANAGERS]!, id));
    })();
  });
  // Back to the leaver, untimed, so the real flow starts from the same state.
  q.prepare(`UPDATE clients SET owner_id = ? WHERE id IN (SELECT id FROM clients WHERE team_id = ? AND name LIKE 'Client %')`).run(w.leaverId, w.teamId);

  let moved = 0;
  let proposeMs = 0;
  let distributionId = 0;
  const totalMs = await timeMs(() => {
    const start = process.hrtime.bigint();
    const proposed = proposeForHandover(w.db, { teamId: w.teamId, handoverId: w.handoverId, actorId: w.leadId, now });
    proposeMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (!proposed.ok) throw new Error(`no proposal: ${proposed.reason}`);
    distributionId = proposed.view.distributionId;
    const applied = applyDistribution(w.db, { distributionId, teamId: w.teamId, actorId: w.leadId, now });
    if (applied.kind !== "applied") throw new Error(`not applied: ${applied.kind}`);
    moved = applied.moved;
  });
  if (moved !== CLIENTS) throw new Error(`moved ${moved} of ${CLIENTS}`);
  let calls = 0;
  const followUpMs = await timeMs(() => {
    const result = followUpDistribution(w.db, { distributionId, now, notifier });
    if (result.kind !== "done") throw new Error(`follow-up: ${result.kind}`);
    calls = result.callsScheduled;
  });
  if (calls !== CLIENTS) throw new Error(`scheduled ${calls} calls for ${CLIENTS} clients`);
  const messages = (q.prepare(`SELECT count(*) AS n FROM notifications`).get() as { n: number }).n;
  console.error(
    `distribution: ${CLIENTS} clients over ${MANAGERS} managers: plan+save ${round(proposeMs, 1)} ms, apply ${round(totalMs - proposeMs, 1)} ms, ` +
      `raw per-row UPDATE ${round(rawMs, 1)} ms; follow-up ${round(followUpMs, 1)} ms (${calls} calls, ${messages} outbox messages)`,
  );
  closeDatabase(w.db);
  rmSync(w.dir, { recursive: true, force: true });
  return { rawMs, proposeMs, totalMs, followUpMs };
}

/** Each round on a fresh world; the medians are reported (a shared 2-core machine has noisy neighbours). */
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const i18n = createI18n(() => "ru");
  warmUp(i18n);
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await oneRound(i18n));
  const rawMs = median(rounds.map((r) => r.rawMs));
  const totalMs = median(rounds.map((r) => r.totalMs));
  const ratio = round(median(rounds.map((r) => r.totalMs / r.rawMs)), 2);
  // Through the bot: the lead's tap, follow-up included, with another user tapping every 10 ms.
  const taps: TapRun[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    taps.push(await applyByTapAsTheBotRuns(CLIENTS, now));
    console.error(`distribution by tap: ${JSON.stringify(taps.at(-1))}`);
  }
  // The same steps through the rules, each step's CPU time: what the tap's stalls are made of, load aside.
  const steps: StepRun[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    steps.push(await stepCpu(CLIENTS, now));
    console.error(`distribution in steps: ${JSON.stringify(steps.at(-1))}`);
  }
  return [
    {
      name: "distribution.max_step_cpu_ms",
      value: round(median(steps.map((s) => s.maxStepCpuMs)), 1),
      unit: "ms",
      baseline: round(median(steps.map((s) => s.medianStepCpuMs)), 1),
    },
    { name: "distribution.whole_ms_50k", value: round(median(taps.map((t) => t.wholeMs)), 1), unit: "ms" },
    { name: "distribution.max_loop_delay_ms", value: round(median(taps.map((t) => t.maxLoopDelayMs)), 1), unit: "ms" },
    { name: "distribution.other_taps_answered", value: median(taps.map((t) => t.otherTapsAnswered)), unit: "taps", baseline: median(taps.map((t) => t.otherTapsSent)) },
    { name: "distribution.ms_50k", value: round(totalMs, 1), unit: "ms", baseline: round(rawMs, 1), ratio },
    { name: "distribution.ratio_vs_raw_update", value: ratio, unit: "x" },
    { name: "distribution.followup_ms_50k", value: round(median(rounds.map((r) => r.followUpMs)), 1), unit: "ms" },
  ];
}
