// Issue 13 §1: a client remembers which handover it came from. Whatever path a bad-terms leaver's client
// takes — undo, the pool, /distribute, a new owner by hand, a re-import of the same file — its reactivation
// call uses that handover's terms and leaver, and /report counts it in that handover.
import { and, eq, ne } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, handovers } from "../../src/db/schema.js";
import { callData } from "../../src/calls/keyboards.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";
import { clientNamed, csv } from "./import-fixtures.js";
import { stepStatus } from "../distribution/distribution-fixtures.js";

let h: Harness;
let lead: Persona;
let people: Map<number, Persona>;
let ivanId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  people = new Map();
  for (const [id, name] of [[200, "Борис"], [201, "Вера"], [202, "Галина"], [203, "Иван"]] as const) {
    const p = await h.join(id, "manager", { first_name: name });
    people.set(memberIdOf(h.db, id), p);
  }
  ivanId = memberIdOf(h.db, 203);
  seedClients(
    h.db,
    1,
    Array.from({ length: 6 }, (_, i) => ({ name: `Клиент ${i + 1}`, ownerId: ivanId, phones: [`+7916100000${i}`] })),
    h.clock.now().getTime(),
  );
});
afterEach(() => h.close());

const handover = () => h.db.select().from(handovers).get()!;
const openCalls = () => h.db.select().from(calls).where(eq(calls.status, "open")).all();
const callOf = (clientId: number) => h.db.select().from(calls).where(and(eq(calls.clientId, clientId), ne(calls.status, "cancelled"))).all();

async function offboardIvanOnBadTerms() {
  await lead.send("/offboard");
  await lead.tapButton("Иван");
  await lead.tapButton("Со скандалом");
  await lead.send("24.11");
  await lead.tapButton("Начать передачу");
}

const checklistReactivation = (total: number) => `когда все звонки завершены: 0 из ${total}`;

/** The call card its assignee sees. */
async function cardOf(clientId: number): Promise<string> {
  const call = openCalls().find((c) => c.clientId === clientId)!;
  const owner = people.get(call.assigneeId)!;
  await owner.send("/help");
  await owner.tap(callData.open({ callId: call.id }));
  return owner.lastText();
}

describe("a leaver's client after undo, the pool and /distribute", () => {
  it("keeps its handover's script, leaver and report line, and the checklist follows the latest apply", async () => {
    await offboardIvanOnBadTerms();
    const handoverId = handover().id;
    await lead.tapButton(/^4\. /);
    await lead.tapButton("Распределить");
    await lead.tapButton("Применить");
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("done");
    await lead.tapButton("Отменить распределение");
    expect(lead.lastText()).toContain("/distribute");
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("open");

    // Exactly what the undo message says: /distribute.
    await lead.send("/distribute");
    expect(lead.lastText()).toContain("Без ответственного 6 клиентов");
    await lead.tapButton("Применить");
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("done");
    // The checklist message shows the latest apply (the pool's), not the undone one.
    const checklist = lead.messages().find((m) => m.text.includes("Передача дел: Иван"))!;
    expect(checklist.text).toContain("✅ 4.");
    expect(checklist.text).toContain(checklistReactivation(6));
    expect(openCalls()).toHaveLength(6);
    expect(openCalls().every((c) => c.handoverId === handoverId)).toBe(true);

    const card = await cardOf(clientNamed(h.db, "Клиент 1").id);
    expect(card).toContain("Скрипт звонка</b> (расстались плохо)");
    expect(card).toContain("Иван больше не имеет отношения к нашей компании");
    expect(card).not.toContain("расстались хорошо");

    await lead.send("/report");
    expect(lead.lastText()).toContain("<b>Иван</b> → передача идёт, расстались плохо");
    expect(lead.lastText()).toContain("Передано клиентов: 6");
    expect(lead.lastText()).not.toContain("Клиенты из общего пула");
    expect(h.errors()).toEqual([]);
  });
});

describe("a leaver's client given a new owner by hand", () => {
  it("gets its handover's reactivation call, and a second move takes the same call along", async () => {
    await offboardIvanOnBadTerms();
    const handoverId = handover().id;
    const client = clientNamed(h.db, "Клиент 2");
    const boris = memberIdOf(h.db, 200);
    const vera = memberIdOf(h.db, 201);

    await lead.send("/clients");
    await lead.tapButton("Клиент 2");
    await lead.tap(`cl:s:${client.id}:${boris}`);
    expect(callOf(client.id)).toMatchObject([{ kind: "reactivation", handoverId, assigneeId: boris, status: "open", dueOn: "2026-11-24" }]);
    expect(await cardOf(client.id)).toContain("(расстались плохо)");

    await lead.tap(`cl:s:${client.id}:${vera}`);
    expect(callOf(client.id)).toMatchObject([{ kind: "reactivation", handoverId, assigneeId: vera, status: "open" }]);
    await lead.send("/report");
    expect(lead.lastText()).toContain("<b>Иван</b> → передача идёт, расстались плохо");
    expect(lead.lastText()).toContain("• Вера: ░░░░░░░░░░ 0/1");
    // Put back in the pool by hand, it is still the handover's: step 4's table takes it with the rest.
    await lead.tap(`cl:s:${client.id}:u`);
    await lead.send("/help");
    await lead.tap(`dist:h:${handoverId}`);
    expect(lead.lastText()).toContain("Всего 6 клиентов");
  });
});

describe("a re-import of the same file", () => {
  it("leaves the leaver's clients with their new owners, and a new client of the leaver joins the handover", async () => {
    const file = csv(["ФИО;Телефон;Ответственный", ...Array.from({ length: 6 }, (_, i) => `Клиент ${i + 1};+7916100000${i};Иван`), "Клиент 7;+79161000009;Иван"]);
    await offboardIvanOnBadTerms();
    const handoverId = handover().id;
    await lead.tapButton(/^4\. /);
    await lead.tapButton("Распределить");
    await lead.tapButton("Применить");
    const owners = h.db.select({ id: clients.id, ownerId: clients.ownerId }).from(clients).all();

    await lead.sendDocument("crm.csv", file);
    await lead.tapButton("Загрузить");
    for (const o of owners) expect(clientNamed(h.db, `Клиент ${o.id}`).ownerId).toBe(o.ownerId);
    const seventh = clientNamed(h.db, "Клиент 7");
    expect(seventh).toMatchObject({ ownerId: null, previousOwnerId: ivanId, originHandoverId: handoverId });

    await lead.send("/distribute");
    await lead.tapButton("Применить");
    expect(callOf(seventh.id)).toMatchObject([{ kind: "reactivation", handoverId }]);
    expect(await cardOf(seventh.id)).toContain("(расстались плохо)");
    await lead.send("/report");
    expect(lead.lastText()).toContain("Передано клиентов: 7");
    expect(lead.lastText()).not.toContain("Клиенты из общего пула");
  });
});

describe("a pool distribution with a leaver's client and a client of nobody's", () => {
  it("calls each on its own terms: the leaver's after the last day, in the handover; the other from today", async () => {
    await offboardIvanOnBadTerms();
    const handoverId = handover().id;
    const ivans = clientNamed(h.db, "Клиент 3");
    await lead.send("/clients");
    await lead.tap(`cl:s:${ivans.id}:u`);
    const [nobodys] = seedClients(h.db, 1, [{ name: "Ничей", ownerId: null }], h.clock.now().getTime());

    await lead.send("/distribute");
    expect(lead.lastText()).toContain("Без ответственного 2 клиента");
    await lead.tapButton("Применить");
    expect(callOf(ivans.id)).toMatchObject([{ handoverId, dueOn: "2026-11-24" }]);
    expect(callOf(nobodys!)).toMatchObject([{ handoverId: null, dueOn: "2026-11-23" }]);
    await lead.send("/report");
    expect(lead.lastText()).toContain("<b>Иван</b> → передача идёт, расстались плохо");
    expect(lead.lastText()).toContain("Клиенты из общего пула");
  });
});
