import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, clients, commitments } from "../../src/db/schema.js";
import { dailyListOf, dailyListPageOf, dailyListsOfTeam, type DailyList } from "../../src/calls/daily-list.js";
import { renderDailyList } from "../../src/calls/today-view.js";
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

  it("reads one page at a time: the pages, put together, are the whole list, in order, with the whole list's counts", () => {
    // 2 overdue and 3 today's calls, 3 next contacts, 3 deadlines: 11 entries across every section boundary.
    const ids = seedClients(db, teamId, [
      ...Array.from({ length: 5 }, (_, i) => ({ name: `Звонок ${i}`, ownerId: boris })),
      ...Array.from({ length: 3 }, (_, i) => ({ name: `Контакт ${i}`, ownerId: boris, nextContactOn: `2026-11-2${i + 1}` })),
      { name: "Сроки", ownerId: boris },
    ]);
    ids.slice(0, 5).forEach((c, i) => addCall(c!, boris, i < 2 ? `2026-11-1${i}` : today));
    for (const d of ["2026-11-01", "2026-11-22", today]) seedCommitment(db, { teamId, clientId: ids[8]!, ownerId: boris, kind: "deadline", text: `До ${d}`, dueOn: d });
    const whole = dailyListOf(db, { memberId: boris, today });
    expect(whole.counts).toEqual({ overdue: 2, calls: 3, contacts: 3, deadlines: 3, total: 11 });
    const entries = (l: DailyList) => [...l.overdue, ...l.calls, ...l.contacts, ...l.deadlines];

    for (const perPage of [1, 2, 3, 4, 5, 10, 11, 20]) {
      const pages = Math.ceil(11 / perPage);
      const joined = [];
      for (let page = 0; page < pages; page++) {
        const p = dailyListPageOf(db, { memberId: boris, today, page, perPage });
        expect(p).toMatchObject({ counts: whole.counts, page, pages, offset: page * perPage });
        expect(entries(p).length).toBe(Math.min(perPage, 11 - page * perPage));
        joined.push(p);
      }
      expect(joined.flatMap(entries)).toEqual(entries(whole));
      expect(joined.flatMap((p) => p.overdue)).toEqual(whole.overdue);
      expect(joined.flatMap((p) => p.deadlines)).toEqual(whole.deadlines);
    }
    // A page past the end (the list got shorter since the button was drawn) is the last one; a negative one the first.
    expect(dailyListPageOf(db, { memberId: boris, today, page: 99, perPage: 10 })).toMatchObject({ page: 1, offset: 10 });
    expect(dailyListPageOf(db, { memberId: boris, today, page: -3, perPage: 10 })).toMatchObject({ page: 0, offset: 0 });
    const empty = dailyListPageOf(db, { memberId: vera, today, page: 2, perPage: 10 });
    expect(empty).toMatchObject({ page: 0, pages: 1, counts: { total: 0 } });

    // Drawn, a page read by SQL is the same message as that page cut from the whole list.
    const t = (key: string, vars?: Record<string, unknown>) => `${key}${JSON.stringify(vars ?? {})}`;
    for (const page of [0, 1, 5]) {
      const fromSql = renderDailyList(t, "ru", dailyListPageOf(db, { memberId: boris, today, page, perPage: 10 }), { page, title: "today" });
      expect(fromSql).toEqual(renderDailyList(t, "ru", whole, { page, title: "today" }));
    }
    expect(renderDailyList(t, "ru", empty, { page: 2, title: "today" })).toEqual(renderDailyList(t, "ru", dailyListOf(db, { memberId: vera, today }), { page: 2, title: "today" }));
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
      dailyListPageOf(db, { memberId: boris, today, page: 0, perPage: 10 });
    } finally {
      client.prepare = prepare;
    }
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => /^SCAN (calls|clients|commitments)\b/.test(p) && !/USING/.test(p))).toEqual([]);
  });
});
