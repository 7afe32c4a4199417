// A re-imported CRM file that gives a distributed client to someone else moves it like the card's owner
// change does: its open reactivation call and open commitments follow it to the new owner.
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
});
