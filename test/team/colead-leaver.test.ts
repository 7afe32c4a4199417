// A co-lead being offboarded runs nothing: whatever the terms, from "✅ Начать передачу" on he has no lead
// powers (README, "The leaver's rights"), and the team always keeps a lead who can act.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, handovers, members } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let anna: Persona;
let oleg: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  anna = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  oleg = await h.join(150, "lead", { first_name: "Олег" });
  await h.join(200, "manager", { first_name: "Борис" });
  seedClients(h.db, 1, [
    { name: "Клиент Олега", ownerId: memberIdOf(h.db, 150), phones: ["+79160000001"] },
    { name: "Клиент Бориса", ownerId: memberIdOf(h.db, 200), phones: ["+79160000002"] },
  ]);
});
afterEach(() => h.close());

const statusOf = (telegramId: number) => h.db.select().from(members).where(eq(members.telegramId, telegramId)).get()!.status;

async function offboardOleg(terms: "Со скандалом" | "По-хорошему") {
  await anna.send("/offboard");
  await anna.tapButton("Олег");
  await anna.tapButton(terms);
  await anna.send("27.11");
  await anna.tapButton("Начать передачу");
}

describe("a co-lead leaving on bad terms", () => {
  beforeEach(() => offboardOleg("Со скандалом"));

  it("sees the team as a manager does: no invite links, no remove buttons, no delete-team button", async () => {
    const team = h.team();
    await oleg.send("/team");
    const shown = oleg.last()!;
    expect(shown.text).toContain("Анна");
    expect(shown.text).not.toContain(team.managerInviteToken);
    expect(shown.text).not.toContain(team.leadInviteToken);
    expect(shown.buttons.flat()).toEqual([]);
  });

  it("cannot remove the lead who runs his handover, even with the tap forged", async () => {
    await anna.send("/team");
    const removeAnna = anna.last()!.buttons.flat().find((b) => b.text.includes("Борис"))!.data!.replace(/\d+$/, String(memberIdOf(h.db, 100)));
    await oleg.tap(removeAnna.replace(/^tm:m:/, "tm:rm:"));
    await oleg.tap(removeAnna);
    expect(statusOf(100)).toBe("active");
    expect(oleg.toasts().at(-1)).toContain("передаёте дела");
  });

  it("cannot delete the whole team with every client", async () => {
    await anna.send("/team");
    await oleg.tap(anna.last()!.buttons.flat().find((b) => b.text.includes("Удалить команду"))!.data!);
    await oleg.send("Отдел продаж");
    expect(h.db.select().from(clients).all()).toHaveLength(2);
    expect(oleg.toasts().at(-1)).toContain("передаёте дела");
  });

  it("cannot reset the invite links, open /settings, /status, /report or start a handover", async () => {
    const before = h.team();
    for (const command of ["/invite", "/settings", "/status", "/report", "/offboard", "/distribute", "/script"]) {
      await oleg.send(command);
      expect(oleg.lastText(), command).toContain("Пока вы передаёте дела");
    }
    expect(h.team().managerInviteToken).toBe(before.managerInviteToken);
    expect(h.team().leadInviteToken).toBe(before.leadInviteToken);
    expect(h.db.select().from(handovers).all()).toHaveLength(1);
  });

  it("is told in English too", async () => {
    await oleg.send("/language");
    await oleg.tapButton("English");
    await oleg.send("/invite");
    expect(oleg.lastText()).toContain("While you are handing over your work");
  });

  it("gets his powers back when the handover is cancelled", async () => {
    await anna.tapButton("✖️ Отменить передачу");
    await anna.tapButton("Да");
    const before = h.team().managerInviteToken;
    await oleg.send("/invite");
    expect(h.team().managerInviteToken).not.toBe(before);
  });
});

describe("a co-lead leaving on good terms", () => {
  it("reads his own clients until the last day but runs nothing", async () => {
    await offboardOleg("По-хорошему");
    await oleg.send("/clients");
    const listed = oleg.last()!.buttons.flat().map((b) => b.text).join("\n");
    expect(listed).toContain("Клиент Олега");
    expect(listed).not.toContain("Клиент Бориса");
    await oleg.send("/settings");
    expect(oleg.lastText()).toContain("Пока вы передаёте дела");
    await oleg.send("/export");
    expect(oleg.lastText()).toContain("Пока вы передаёте дела");
  });

  it("cannot open a colleague's client through a call card either, with an old button or forged data", async () => {
    const borisClient = h.db.select().from(clients).where(eq(clients.name, "Клиент Бориса")).get()!;
    // Before the handover, as a lead, he may open it.
    await oleg.tap(`call:log:${borisClient.id}`);
    expect(oleg.lastText()).toContain("+7 916 000 00 02");
    const boris = h.user(200, { first_name: "Борис" });
    await boris.send("/clients");
    await boris.tapButton("Клиент Бориса");
    await boris.tapButton(/Записать звонок/);
    await boris.tapButton("Нет ответа");
    const call = h.db.select().from(calls).where(eq(calls.clientId, borisClient.id)).get()!;

    await offboardOleg("По-хорошему");
    const shownBefore = JSON.stringify(oleg.messages());
    for (const data of [`call:log:${borisClient.id}`, `call:o:${call.id}`]) {
      await oleg.tap(data);
      expect(oleg.toasts().at(-1), data).toBe("Этот клиент вам недоступен.");
    }
    // Recording is refused before the card is looked at: he only reads now.
    for (const data of [`call:a:${call.id}:n:1`, `call:a:c${borisClient.id}:r`]) {
      await oleg.tap(data);
      expect(oleg.toasts().at(-1), data).toMatch(/^👀 Только просмотр до 27\.11/);
    }
    expect(JSON.stringify(oleg.messages())).toBe(shownBefore);
    expect(h.db.select().from(calls).where(eq(calls.id, call.id)).get()!.attempts).toBe(1);
    // His own client's card still opens, to read.
    const own = h.db.select().from(clients).where(eq(clients.name, "Клиент Олега")).get()!;
    await oleg.tap(`call:log:${own.id}`);
    expect(oleg.lastText()).toContain("+7 916 000 00 01");
    expect(h.errors()).toEqual([]);
  });

  it("is not the lead told that a manager cannot reach a client: the acting lead is", async () => {
    await offboardOleg("По-хорошему");
    const boris = h.user(200, { first_name: "Борис" });
    await boris.send("/clients");
    await boris.tapButton("Клиент Бориса");
    await boris.tapButton(/Записать звонок/);
    for (let i = 0; i < 3; i++) await boris.tapButton("Нет ответа");
    await h.drainOutbox();
    expect(anna.messages().some((m) => m.text.includes("Борис не может дозвониться"))).toBe(true);
    expect(oleg.messages().some((m) => m.text.includes("не может дозвониться"))).toBe(false);
  });
});

describe("the team keeps a lead who can act", () => {
  it("the lead running a co-lead's handover cannot offboard herself while he is leaving", async () => {
    await offboardOleg("Со скандалом");
    await anna.send("/offboard");
    await anna.tapButton("Новая передача");
    await anna.tapButton("Анна");
    expect(anna.lastText()).toMatch(/единственный|другого руководителя|another lead/i);
    expect(statusOf(100)).toBe("active");
  });
});
