// Issue 13 §5: one client, one open call (a promised call back and a reactivation call merge), and a call
// card that tells the story: what happened, between whom, by whom; "попытка 2 из 3" after no answer.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients } from "../../src/db/schema.js";
import { callData } from "../../src/calls/keyboards.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let people: Map<number, Persona>;
let ivanId: number;
let promisedId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  people = new Map();
  for (const [id, name] of [[200, "Борис"], [201, "Вера"], [203, "Иван"]] as const) {
    const p = await h.join(id, "manager", { first_name: name });
    people.set(memberIdOf(h.db, id), p);
  }
  ivanId = memberIdOf(h.db, 203);
  promisedId = seedClients(h.db, 1, [
    { name: "Обещанный", ownerId: ivanId, temperature: "hot" },
    { name: "Второй", ownerId: ivanId, temperature: "warm" },
  ])[0]!;
  // Ivan promised the client a call back on Wednesday at 15:00 (an open ordinary call).
  h.db.insert(calls).values({ teamId: 1, clientId: promisedId, assigneeId: ivanId, kind: "ordinary", dueOn: "2026-11-25", dueTime: "15:00", createdAt: h.clock.now().getTime() }).run();
});
afterEach(() => h.close());

const openCallsOf = (clientId: number) => h.db.select().from(calls).where(and(eq(calls.clientId, clientId), eq(calls.status, "open"))).all();
const ownerOf = (clientId: number) => h.db.select().from(clients).where(eq(clients.id, clientId)).get()!.ownerId!;

async function handOverIvan() {
  await lead.send("/offboard");
  await lead.tapButton("Иван");
  await lead.tapButton("По-хорошему");
  await lead.send("24.11");
  await lead.tapButton("Начать передачу");
  await lead.tapButton(/^4\. /);
  await lead.tapButton("Распределить");
  await lead.tapButton("Применить");
}

async function openCard(p: Persona, callId: number) {
  await p.send("/help");
  await p.tap(callData.open({ callId }));
  return p.last()!;
}

describe("a promised call and a reactivation call", () => {
  it("merge into one open call with the earlier day and both purposes; an undo gives the promise back", async () => {
    await handOverIvan();
    const [call] = openCallsOf(promisedId);
    expect(openCallsOf(promisedId)).toHaveLength(1);
    expect(call).toMatchObject({ kind: "reactivation", dueOn: "2026-11-24", dueTime: null, promisedOn: "2026-11-25", promisedTime: "15:00", assigneeId: ownerOf(promisedId) });

    const owner = people.get(ownerOf(promisedId))!;
    h.clock.set("2026-11-24T10:00:00+03:00");
    await owner.send("/today");
    expect(owner.lastText().match(/Обещанный/g)).toHaveLength(1);
    const card = (await openCard(owner, call!.id)).text;
    expect(card).toContain("Звонок после передачи клиента · на 24.11");
    expect(card).toContain("📌 И обещанный звонок: клиенту обещали перезвонить 25.11 в 15:00");
    expect(card).toContain("Скрипт звонка");

    await lead.tapButton("Отменить распределение");
    expect(openCallsOf(promisedId)).toMatchObject([{ id: call!.id, kind: "ordinary", dueOn: "2026-11-25", dueTime: "15:00", promisedOn: null, handoverId: null, distributionId: null }]);
  });
});

describe("the call card", () => {
  it("tells what happened and by whom, and after no answer shows the attempt and the next try", async () => {
    await handOverIvan();
    const second = h.db.select().from(clients).where(eq(clients.name, "Второй")).get()!;
    const first = people.get(ownerOf(second.id))!;
    const other = [...people.entries()].find(([id, p]) => id !== ivanId && p !== first)!;

    // The lead moves the client by hand, then records a commitment in the interview.
    await lead.send("/clients");
    await lead.tapButton("Второй");
    await lead.tap(`cl:s:${second.id}:${other[0]}`);
    await lead.tapButton(/^3\. /);
    await lead.tapButton("📝 Записать договорённости");
    await lead.send("Второй — выслать акт сверки до 27.11");
    await lead.tapButton("Готово, больше нет");

    const owner = other[1];
    const [call] = openCallsOf(second.id);
    h.clock.set("2026-11-24T10:00:00+03:00");
    await openCard(owner, call!.id);
    await owner.tapButton("Нет ответа");
    const card = owner.lastText();
    expect(card).toContain("попытка 2 из 3");
    expect(card).toContain("📵 Не дозвонились: 1 · дальше попытка 2 из 3 — 25.11");
    const firstName = first.user.first_name;
    const ownerName = owner.user.first_name;
    expect(card).toContain(`📵 не дозвонились, попытка 1 из 3, следующая — 25.11 (${ownerName})`);
    expect(card).toContain("📌 добавлено: долг по документам до 27.11 (Анна)");
    expect(card).toContain(`👤 ответственный: ${firstName} → ${ownerName} (Анна)`);
    expect(card).toContain(`🤝 передан при передаче дел: Иван → ${firstName} (Анна)`);
    expect(card).not.toContain("запись в истории");
    expect(h.errors()).toEqual([]);
  });
});
