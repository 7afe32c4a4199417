// A realistic team for the tap benches: the real bot (harness, API intercepted) on a WAL database file
// with a team of 30, 5,000 clients, an open call each, resolved calls, commitments, 8 history events per
// client (owner changes among them) and a leaver's handover with its checklist.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHarness, type Harness } from "../test/support/harness.js";

export const TEAM = 30;
export const CLIENTS = 5_000;
export const LEAD_TELEGRAM_ID = 100;

export interface TapWorld {
  h: Harness;
  teamId: number;
  leadId: number;
  handoverId: number;
  /** Open call ids, in an order spread over the team. */
  openCalls: number[];
  /** Steps the lead may confirm (not verified by the bot). */
  manualSteps: number[];
  checklistMessageId: number;
  /** Closes the bot's database and removes the world's folder. */
  close(): void;
}

const FIRST = ["Анна", "Иван", "Мария", "Олег", "Ольга", "Пётр", "Елена", "Сергей", "Наталья", "Дмитрий"];
const LAST = ["Иванов", "Петрова", "Сидоров", "Смирнова", "Кузнецов", "Попова", "Васильев", "Соколова"];

export async function buildTapWorld(): Promise<TapWorld> {
  const dir = mkdtempSync(join(tmpdir(), "taps-bench-"));
  const h = await createHarness({ databasePath: join(dir, "bench.sqlite"), now: "2026-11-23T09:00:00Z" });
  await h.createTeam(LEAD_TELEGRAM_ID);
  const q = h.db.$client;
  const teamId = 1;
  const leadId = (q.prepare(`SELECT id FROM members WHERE telegram_id = ?`).get(LEAD_TELEGRAM_ID) as { id: number }).id;
  const today = "2026-11-23";
  const day = (offset: number) => {
    const d = new Date(Date.UTC(2026, 10, 23 + offset));
    return d.toISOString().slice(0, 10);
  };
  const at = Date.parse("2026-11-01T09:00:00Z");
  let handoverId = 0;
  q.transaction(() => {
    const addMember = q.prepare(`INSERT INTO members (team_id, telegram_id, name, role, status, reachability, created_at) VALUES (?, ?, ?, 'manager', ?, 'ok', 0)`);
    const memberIds = [leadId];
    for (let i = 1; i < TEAM; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}`;
      memberIds.push(Number(addMember.run(teamId, 10_000 + i, name, i === TEAM - 1 ? "departing" : "active").lastInsertRowid));
    }
    const leaverId = memberIds[TEAM - 1]!;
    handoverId = Number(
      q.prepare(`INSERT INTO handovers (team_id, leaver_id, started_by_id, terms, last_day, status, created_at) VALUES (?, ?, ?, 'good', ?, 'active', 0)`).run(teamId, leaverId, leadId, day(4)).lastInsertRowid,
    );
    const addStep = q.prepare(`INSERT INTO checklist_steps (handover_id, position, kind, due_on) VALUES (?, ?, ?, ?)`);
    ["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"].forEach((kind, i) => addStep.run(handoverId, i + 1, kind, day(i)));

    const addClient = q.prepare(
      `INSERT INTO clients (team_id, name, company, phones, primary_phone, email, owner_id, previous_owner_id, temperature, status, last_contact_on, next_contact_on, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, 0, 0)`,
    );
    const addCall = q.prepare(
      `INSERT INTO calls (team_id, client_id, assignee_id, handover_id, kind, due_on, status, attempts, resolved_by_id, resolved_at, next_contact_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addCommitment = q.prepare(`INSERT INTO commitments (team_id, client_id, owner_id, kind, text, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', 0)`);
    const addEvent = q.prepare(`INSERT INTO client_events (team_id, client_id, actor_id, kind, details, at) VALUES (?, ?, ?, ?, ?, ?)`);
    const temps = ["hot", "warm", "cold"];
    for (let i = 0; i < CLIENTS; i++) {
      // Working members own the clients; a tenth were the leaver's before a distribution.
      const owner = memberIds[i % (TEAM - 1)]!;
      const previous = i % 10 === 0 ? leaverId : null;
      const phone = `+7916${String(1_000_000 + i).padStart(7, "0")}`;
      const clientId = Number(
        addClient.run(teamId, `${FIRST[i % 10]} ${LAST[i % 8]}а`, i % 3 === 0 ? `ООО «Ромашка ${i % 400}»` : null, JSON.stringify([phone]), phone, `c${i}@example.ru`, owner, previous, temps[i % 3], day(-(i % 30)), day(i % 20), i % 4 === 0 ? "Звонить после обеда & <не> раньше" : null).lastInsertRowid,
      );
      // Two resolved calls, then the open one (reactivation for the leaver's former clients).
      addCall.run(teamId, clientId, owner, null, "ordinary", day(-20), "reached", 1, owner, at, day(-10), at);
      addCall.run(teamId, clientId, owner, null, "ordinary", day(-10), "reached", 0, owner, at + 1, day(0), at + 1);
      const reactivation = previous !== null;
      addCall.run(teamId, clientId, owner, reactivation ? handoverId : null, reactivation ? "reactivation" : "ordinary", day((i % 5) - 2), "open", i % 2, null, null, null, at + 2);
      if (i % 2 === 0) addCommitment.run(teamId, clientId, owner, ["promise", "document", "deadline"][i % 3], `Отправить КП №${i}`, day(i % 14));
      for (let e = 0; e < 8; e++) {
        const kind = e % 4 === 0 ? "owner_changed" : e % 4 === 1 ? "call_reached" : e % 4 === 2 ? "note" : "call_no_answer";
        const details = kind === "owner_changed" ? { from: leaverId, to: owner } : { callId: clientId, text: "…" };
        addEvent.run(teamId, clientId, memberIds[(i + e) % TEAM]!, kind, JSON.stringify(details), at + e * 3_600_000);
      }
    }
  })();
  q.exec("ANALYZE");
  void today;
  const openCalls = (q.prepare(`SELECT id FROM calls WHERE status = 'open' ORDER BY (id * 7919) % 5003`).all() as { id: number }[]).map((r) => r.id);
  const manualSteps = (q.prepare(`SELECT id FROM checklist_steps WHERE handover_id = ? AND kind IN ('stop_routing', 'revoke_access', 'crm_update')`).all(handoverId) as { id: number }[]).map((r) => r.id);
  // The checklist message the lead taps on.
  const lead = h.user(LEAD_TELEGRAM_ID);
  await lead.tap(`chk:open:${handoverId}`);
  const checklistMessageId = lead.last()!.messageId;
  q.prepare(`UPDATE handovers SET checklist_chat_id = ?, checklist_message_id = ? WHERE id = ?`).run(LEAD_TELEGRAM_ID, checklistMessageId, handoverId);
  const close = () => {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { h, teamId, leadId, handoverId, openCalls, manualSteps, checklistMessageId, close };
}
