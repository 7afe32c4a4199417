// A re-imported CRM file that gives a distributed client to someone else moves it like the card's owner
// change does: its open reactivation call and open commitments follow it to the new owner, who is told.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, commitments } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { clientNamed, csv } from "./import-fixtures.js";

let h: Harness;
let lead: Persona;
let vera: Persona;
let gleb: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  await h.join(200, "manager", { first_name: "Борис" });
  vera = await h.join(300, "manager", { first_name: "Вера" });
  gleb = await h.join(400, "manager", { first_name: "Глеб" });
});
afterEach(() => h.close());

/** Борис leaves; his two clients (each with a promise) are distributed, one each to Вера and Глеб. */
async function distributeBorisClients() {
  await lead.sendDocument("crm.csv", csv(["ID;ФИО;Телефон;Ответственный;Обещания", "1;Клиент 1;+79160000001;Борис;скидка 5%", "2;Клиент 2;+79160000002;Борис;перезвонить в пятницу"]));
  await lead.tapButton(/Загрузить/);
  await lead.send("/offboard");
  await lead.tapButton("Борис");
  await lead.tapButton("По-хорошему");
  await lead.send("27.11");
  await lead.tapButton("Начать передачу");
  await lead.tapButton(/^4\. /);
  await lead.tapButton("📦 Распределить");
  await lead.tapButton("Применить");
  await h.drainOutbox();
}

const openCallsOf = (clientId: number) =>
  h.db.select().from(calls).where(and(eq(calls.clientId, clientId), eq(calls.status, "open"))).all();

describe("a re-import that changes a distributed client's owner", () => {
  it("hands the open reactivation call and the open commitments to the new owner, as the card's change does", async () => {
    await distributeBorisClients();
    const veraId = memberIdOf(h.db, 300);
    const glebId = memberIdOf(h.db, 400);
    const ofVera = h.db.select().from(clients).where(eq(clients.ownerId, veraId)).all();
    expect(ofVera.length).toBeGreaterThan(0);
    for (const c of ofVera) expect(openCallsOf(c.id).map((call) => call.assigneeId)).toEqual([veraId]);

    await lead.sendDocument("crm2.csv", csv(["ID;ФИО;Телефон;Ответственный", "1;Клиент 1;+79160000001;Глеб", "2;Клиент 2;+79160000002;Глеб"]));
    await lead.tapButton(/Загрузить/);
    expect(h.errors()).toEqual([]);
    await h.drainOutbox();

    for (const name of ["Клиент 1", "Клиент 2"]) {
      const c = clientNamed(h.db, name);
      expect(c.ownerId).toBe(glebId);
      expect(openCallsOf(c.id).map((call) => [call.kind, call.assigneeId])).toEqual([["reactivation", glebId]]);
    }
    const open = h.db.select().from(commitments).where(eq(commitments.status, "open")).all();
    expect(open.map((c) => c.ownerId)).toEqual([glebId, glebId]);

    h.clock.set("2026-11-27T10:00:00+03:00");
    await vera.send("/today");
    expect(vera.lastText()).not.toContain("Клиент");
    await gleb.send("/today");
    expect(gleb.lastText()).toContain("Клиент 1");
    expect(gleb.lastText()).toContain("Клиент 2");
  });

  it("leaves the calls alone when the file changes other fields but keeps the owners", async () => {
    await distributeBorisClients();
    const before = h.db.select().from(calls).all();
    const owners = Object.fromEntries(h.db.select().from(clients).all().map((c) => [c.externalId, c.ownerId]));
    const name = (id: number | null) => (id === memberIdOf(h.db, 300) ? "Вера" : "Глеб");
    await lead.sendDocument("crm2.csv", csv(["ID;ФИО;Телефон;Ответственный;Примечание", `1;Клиент 1;+79160000001;${name(owners["1"]!)};перезвонить`, `2;Клиент 2;+79160000002;${name(owners["2"]!)};`]));
    await lead.tapButton(/Загрузить/);
    expect(h.db.select().from(calls).all()).toEqual(before);
  });

  it("tells each member the file gave someone else's clients: one message, the names, in their language; nobody else", async () => {
    const rows = Array.from({ length: 13 }, (_, i) => `${i + 1};Клиент ${i + 1};+7916000${String(i + 1).padStart(4, "0")};Вера`);
    await lead.sendDocument("crm.csv", csv(["ID;ФИО;Телефон;Ответственный", ...rows]));
    await lead.tapButton(/Загрузить/);
    await h.drainOutbox();
    // A first import brings the base in: nobody is messaged about it.
    expect(vera.messages().filter((m) => m.text.includes("crm.csv"))).toEqual([]);

    await gleb.send("/language");
    await gleb.tapButton("English");
    const boris = h.user(200, { first_name: "Борис" });
    const before = { vera: vera.messages().length, gleb: gleb.messages().length, boris: boris.messages().length, lead: lead.messages().length };
    const moved = rows.map((r, i) => r.replace(/Вера$/, i < 11 ? "Глеб" : i === 11 ? "Борис" : "Анна"));
    await lead.sendDocument("crm2.csv", csv(["ID;ФИО;Телефон;Ответственный", ...moved]));
    const confirm = lead.last()!.buttons.flat().find((b) => /Загрузить/.test(b.text))!.data!;
    await lead.tap(confirm);
    const leadAfterConfirm = lead.messages().length;
    await h.drainOutbox();
    expect(h.errors()).toEqual([]);

    const toGleb = gleb.messages().slice(before.gleb);
    expect(toGleb.map((m) => m.text)).toEqual([
      'The imported file "crm2.csv" gives you 11 clients: Клиент 1, Клиент 2, Клиент 3, Клиент 4, Клиент 5, Клиент 6, Клиент 7, Клиент 8, Клиент 9, Клиент 10 and 1 more. All your clients are in /clients.',
    ]);
    const toBoris = boris.messages().slice(before.boris);
    expect(toBoris.map((m) => m.text)).toEqual(["По загруженному файлу «crm2.csv» вам передан клиент «Клиент 12»."]);
    await boris.tapButton("Открыть карточку");
    expect(boris.lastText()).toContain("Клиент 12");
    // The old owner and the lead who moved one to herself hear nothing more.
    expect(vera.messages()).toHaveLength(before.vera);
    expect(lead.messages()).toHaveLength(leadAfterConfirm);

    // The same batch confirmed again (a double tap) tells nobody twice.
    await lead.tap(confirm);
    await h.drainOutbox();
    const told = h.calls("sendMessage").filter((c) => c.payload.chat_id !== 100 && String(c.payload.text).includes("crm2.csv"));
    expect(told.map((c) => Number(c.payload.chat_id)).sort()).toEqual([200, 400]);
  });
});
