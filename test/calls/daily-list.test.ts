import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, clients, commitments } from "../../src/db/schema.js";
import { dailyListOf, dailyListsOfTeam } from "../../src/calls/daily-list.js";
import { seedClients, seedCommitment } from "../support/seed.js";
import { seedMember, seedTeam } from "./calls.fixtures.js";

let db: Db;
let teamId: number;
let boris: number;
let vera: number;
const today = "2026-11-23";

function addCall(clientId: number, assigneeId: number, dueOn: string, extra: Partial<typeof calls.$inferInsert> = {}) {
  return db.insert(calls).values({ teamId, clientId, assigneeId, kind: "reactivation", dueOn, createdAt: 0, ...extra }).returning({ id: calls.id }).get().id;
}

beforeEach(() => {
  db = openDatabase(":memory:");
  teamId = seedTeam(db);
  seedMember(db, teamId, "Анна", "lead", 100);
  boris = seedMember(db, teamId, "Борис", "manager", 200);
  vera = seedMember(db, teamId, "Вера", "manager", 300);
});
afterEach(() => closeDatabase(db));

describe("daily list", () => {
  it("puts overdue calls first, then today's calls, next contacts due without an open call, then deadlines", () => {
    const [overdueC, todayC, hotC, callbackC, tomorrowC, contactC, oldContactC, withCallC, lostC, resolvedC, deadlineC] = seedClients(db, teamId, [
      { name: "Просрочен", ownerId: boris },
      { name: "Сегодня тёплый", ownerId: boris, temperature: "warm" },
      { name: "Сегодня горячий", ownerId: boris, temperature: "hot" },
      { name: "Перезвон", ownerId: boris },
      { name: "Завтра", ownerId: boris },
      { name: "Контакт сегодня", ownerId: boris, nextContactOn: today },
      { name: "Контакт давно", ownerId: boris, nextContactOn: "2026-11-10" },
      { name: "Контакт со звонком", ownerId: boris, nextContactOn: today },
      { name: "Потерян", ownerId: boris, nextContactOn: today },
      { name: "Уже решён", ownerId: boris },
      { name: "Срок", ownerId: boris },
    ]);
    const overdueCall = addCall(overdueC!, boris, "2026-11-20", { attempts: 2 });
    const warmCall = addCall(todayC!, boris, today);
    const hotCall = addCall(hotC!, boris, today);
    const callback = addCall(callbackC!, boris, today, { kind: "ordinary", dueTime: "15:00" });
    addCall(tomorrowC!, boris, "2026-11-24");
    addCall(withCallC!, boris, "2026-11-24");
    addCall(resolvedC!, boris, today, { status: "reached" });
    db.update(clients).set({ status: "lost" }).where(eq(clients.id, lostC!)).run();
    seedCommitment(db, { teamId, clientId: deadlineC!, ownerId: boris, kind: "deadline", text: "Договор", dueOn: today });
    seedCommitment(db, { teamId, clientId: deadlineC!, ownerId: boris, kind: "document", text: "Акт", dueOn: "2026-11-19" });
    seedCommitment(db, { teamId, clientId: deadlineC!, ownerId: boris, kind: "promise", text: "Позже", dueOn: "2026-11-30" });
    const done = seedCommitment(db, { teamId, clientId: deadlineC!, ownerId: boris, kind: "promise", text: "Сделано", dueOn: today });
    db.update(commitments).set({ status: "done" }).where(eq(commitments.id, done)).run();
    // Vera's things never show in Boris's list.
    const [veraClient] = seedClients(db, teamId, [{ name: "Верин", ownerId: vera, nextContactOn: today }]);
    addCall(veraClient!, vera, "2026-11-20");

    const list = dailyListOf(db, { memberId: boris, today });
    expect(list.overdue.map((c) => c.callId)).toEqual([overdueCall]);
    expect(list.overdue[0]).toMatchObject({ clientName: "Просрочен", attempts: 2, dueOn: "2026-11-20" });
    // Calls at a set time first, then reactivation before ordinary, hot before warm.
    expect(list.calls.map((c) => c.callId)).toEqual([callback, hotCall, warmCall]);
    expect(list.contacts.map((c) => c.clientId)).toEqual([oldContactC, contactC]);
    expect(list.deadlines.map((d) => d.text)).toEqual(["Акт", "Договор"]);
    expect(list.counts).toEqual({ overdue: 1, calls: 3, contacts: 2, deadlines: 2, total: 8 });

    // The team-wide build (used by the digest) says exactly the same for each member.
    const team = dailyListsOfTeam(db, { teamId, today });
    expect(team.get(boris)).toEqual(list);
    expect(team.get(vera)?.counts).toEqual({ overdue: 1, calls: 0, contacts: 0, deadlines: 0, total: 1 }); // her client has an open call
    expect(dailyListOf(db, { memberId: vera, today })).toEqual(team.get(vera));
  });

  it("is empty for a member with nothing to do, and the team map leaves them out", () => {
    expect(dailyListOf(db, { memberId: boris, today }).counts.total).toBe(0);
    expect(dailyListsOfTeam(db, { teamId, today }).size).toBe(0);
  });

  it("uses indexes for every query, never a scan of clients, calls or commitments", () => {
    const plans: string[] = [];
    const client = db.$client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      if (/^select/i.test(source.trim())) {
        const rows = prepare(`explain query plan ${source}`).all(...new Array((source.match(/\?/g) ?? []).length).fill(0)) as { detail: string }[];
        plans.push(...rows.map((r) => r.detail));
      }
      return prepare(source);
    }) as typeof client.prepare;
    try {
      dailyListOf(db, { memberId: boris, today });
      dailyListsOfTeam(db, { teamId, today });
    } finally {
      client.prepare = prepare;
    }
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => /^SCAN (calls|clients|commitments)\b/.test(p) && !/USING/.test(p))).toEqual([]);
  });
});
