// A second-voice touch and the owner's own plan: a colleague who reached the client may bring the owner's
// next contact nearer, never push back a date the owner still has ahead; the owner's own call sets it.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday
});
afterEach(() => h.close());

/** Vera owns three single-voice clients; the lead is opted out, so Boris gets every touch. */
async function scene(nextContacts: { hot?: string; warm?: string; cold?: string } = {}) {
  const lead = await h.createTeam();
  const boris = await h.join(200, "manager", { first_name: "Борис" });
  const vera = await h.join(300, "manager", { first_name: "Вера" });
  const ids = { lead: memberIdOf(h.db, 100), boris: memberIdOf(h.db, 200), vera: memberIdOf(h.db, 300) };
  const [hot, warm, cold] = seedClients(h.db, 1, [
    { name: "Горячий", ownerId: ids.vera, temperature: "hot", nextContactOn: nextContacts.hot ?? null },
    { name: "Тёплый", ownerId: ids.vera, temperature: "warm", nextContactOn: nextContacts.warm ?? null },
    { name: "Холодный", ownerId: ids.vera, temperature: "cold", nextContactOn: nextContacts.cold ?? null },
  ]);
  h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, ids.lead)).run();
  return { lead, boris, vera, ids, clients: { hot: hot!, warm: warm!, cold: cold! } };
}

const nextContactOf = (clientId: number) => h.db.select().from(clients).where(eq(clients.id, clientId)).get()!.nextContactOn;
const touchFor = (clientId: number) => h.db.select().from(calls).where(eq(calls.clientId, clientId)).all().find((c) => c.kind === "second_voice")!;

/** Boris opens his touch with the client and records "reached" with a quick pick. */
async function borisReaches(s: Awaited<ReturnType<typeof scene>>, clientId: number, pick: string) {
  await s.boris.tap(`call:o:${touchFor(clientId).id}`);
  await s.boris.tapButton("Дозвонились");
  await s.boris.tapButton(pick);
  await s.boris.tapButton("Пропустить");
}

describe("a colleague's reached touch and the owner's next contact", () => {
  it("does not push back the owner's nearer date: the card says whose date stays, and the owner still has the call on her list", async () => {
    // Vera agreed with her hot client to call again on Thursday 26.11.
    const s = await scene({ hot: "2026-11-26" });
    h.runJob("destarring-plan");
    await borisReaches(s, s.clients.hot, "+6 месяцев");

    expect(nextContactOf(s.clients.hot)).toBe("2026-11-26");
    // Boris's card tells him the owner's date stands and his own pick did not move it.
    const card = s.boris.messages().find((m) => m.text.includes("Дозвонились</b>"))!.text;
    expect(card).toContain("Следующий контакт: <b>26.11</b> — остаётся дата владельца (Вера): выбранный срок 24.05.2027 её не отодвигает.");
    // The touch still counts as a voice: Vera's client now knows Boris.
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("<b>Вера</b>: клиентов 3 · знают только его/её: 2 (67%)");

    // Thursday: Vera's list has her call; the card's history says the next contact is 26.11.
    h.clock.set("2026-11-26T09:00:00+03:00");
    await s.vera.send("/today");
    expect(s.vera.lastText()).toContain("Горячий");
    await s.vera.tapButton(/^\d$/);
    expect(s.vera.lastText()).toContain("Следующий контакт: 26.11");
    expect(s.vera.lastText()).toContain("дозвонились, следующий контакт 26.11 (Борис)");
    expect(h.errors()).toEqual([]);
  });

  it("brings a later owner's date nearer, replaces an overdue or missing one, and the owner's own call still moves her date later", async () => {
    const s = await scene({ hot: "2026-12-10", warm: "2026-11-20" });
    h.runJob("destarring-plan");
    // Nearer than the owner's 10.12: Boris's 30.11 wins.
    await borisReaches(s, s.clients.hot, "+1 неделя");
    expect(nextContactOf(s.clients.hot)).toBe("2026-11-30");
    expect(s.boris.messages().find((m) => m.text.includes("Горячий") && m.text.includes("Дозвонились</b>"))!.text).toContain("Следующий контакт: <b>30.11</b>.");
    // The owner's date had passed (20.11): Boris's pick replaces it.
    await borisReaches(s, s.clients.warm, "+1 месяц");
    expect(nextContactOf(s.clients.warm)).toBe("2026-12-23");
    // No date at all: Boris's pick is the next contact.
    await borisReaches(s, s.clients.cold, "+3 месяца");
    expect(nextContactOf(s.clients.cold)).toBe("2027-02-23");

    // Vera's own call the next day moves her date later: she plans her client.
    h.clock.set("2026-11-24T11:00:00+03:00");
    await s.vera.tap(`call:log:${s.clients.hot}`);
    await s.vera.tapButton("Дозвонились");
    await s.vera.tapButton("+1 месяц");
    expect(nextContactOf(s.clients.hot)).toBe("2026-12-24");
    expect(s.vera.messages().findLast((m) => m.text.includes("Дозвонились</b>"))!.text).toContain("Следующий контакт: <b>24.12</b>.");
    expect(h.errors()).toEqual([]);
  });

  it("says the same in English", async () => {
    const s = await scene({ hot: "2026-11-26" });
    await s.boris.send("/language");
    await s.boris.tapButton("English");
    h.runJob("destarring-plan");
    await s.boris.tap(`call:o:${touchFor(s.clients.hot).id}`);
    await s.boris.tapButton("Reached");
    await s.boris.tapButton("+6 months");
    expect(nextContactOf(s.clients.hot)).toBe("2026-11-26");
    const card = s.boris.messages().findLast((m) => m.text.includes("Reached</b>"))!.text;
    expect(card).toContain("Next contact: <b>26 Nov</b> — the owner's date stays (Вера): the chosen 24 May 2027 does not push it back.");
  });
});
