// Dialogues of different features live side by side in one chat: none blocks or swallows another.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { callOf, handoverScene } from "../calls/calls.setup.js";
import { clients } from "../../src/db/schema.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("open dialogues", () => {
  it("a lead in the middle of /offboard can still add a client, then carry on", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.send("/client");
    expect(lead.lastText()).not.toContain("Что-то пошло не так");
    expect(h.errors()).toEqual([]);
    await lead.send("/cancel");
    await lead.tapButton(/По-хорошему/);
    expect(lead.lastText()).toMatch(/последний рабочий день/i);
  });

  it("asking for /client twice keeps one dialogue", async () => {
    const lead = await h.createTeam();
    await lead.send("/client");
    await lead.send("/client");
    await lead.send("Иван Петров");
    expect(h.errors()).toEqual([]);
    expect(lead.messages().filter((m) => m.text === lead.lastText())).toHaveLength(1);
  });
});

describe("typed text after a restart", () => {
  it("answers the dialogue that asked last, as before the restart", async () => {
    const s = await handoverScene(h);
    await s.boris.send("/client");
    expect(s.boris.lastText()).toMatch(/зовут/);
    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("Своя дата");
    expect(s.boris.lastText()).toContain("Напишите дату следующего контакта");
    await h.restartProcess();
    const shown = s.boris.messages().length;
    await s.boris.send("15.12");
    expect(s.boris.messages().slice(shown).map((m) => m.text).join("\n")).not.toContain("Телефон клиента");
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "reached", nextContactOn: "2026-12-15" });
    expect(h.db.select().from(clients).all().some((c) => c.name === "15.12")).toBe(false);
    expect(h.errors()).toEqual([]);
  });

  it("the other way round: the date asked first, /client last; the name goes to /client", async () => {
    const s = await handoverScene(h);
    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("Своя дата");
    await s.boris.send("/client");
    await h.restartProcess();
    const shown = s.boris.messages().length;
    await s.boris.send("Иван Петров");
    const replies = s.boris.messages().slice(shown).map((m) => m.text).join("\n");
    expect(replies).not.toContain("Не понял дату");
    expect(replies).toMatch(/телефон/i);
    expect(callOf(h, s.clients.alpha).status).toBe("open");
  });
});
