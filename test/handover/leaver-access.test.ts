// Issue 13 §2: the leaver is out from the first confirmed step. Bad terms: no client data at all, only
// the interview form; good terms: read-only until the last day, then nothing; nobody departing receives
// clients; what waits in the outbox for the leaver is dropped, and /status says so.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBatches, notifications } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";
import { clientNamed, csv } from "../clients/import-fixtures.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let vera: Persona;
let borisId: number;
let ids: number[];

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  vera = await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
  ids = seedClients(h.db, 1, [
    { name: "Иванов Пётр", ownerId: borisId, temperature: "hot", nextContactOn: "2026-11-23" },
    { name: "Петрова Анна", ownerId: borisId, temperature: "warm", nextContactOn: "2026-11-24" },
    { name: "Клиент Веры", ownerId: memberIdOf(h.db, 300), temperature: "warm" },
  ]);
});
afterEach(() => h.close());

async function offboardBoris(terms: "По-хорошему" | "Со скандалом", lastDay = "27.11") {
  await lead.send("/offboard");
  await lead.tapButton("Борис");
  await lead.tapButton(terms);
  await lead.send(lastDay);
  await lead.tapButton("Начать передачу");
}

const digestsFor = (memberId: number) =>
  h.db.select().from(notifications).where(eq(notifications.kind, "digest")).all().filter((n) => n.memberId === memberId);

describe("a leaver on bad terms", () => {
  it("sees no client data from the start, gets only the interview form, and their waiting messages are dropped", async () => {
    // Before: Boris works normally, has a list open and a digest waiting in the outbox.
    await boris.send("/clients");
    const list = boris.last()!;
    expect(list.text).toContain("Мои клиенты</b> — 2");
    expect(h.runJob("daily-digest")).toBeGreaterThan(0);
    expect(digestsFor(borisId)).toHaveLength(1);

    await offboardBoris("Со скандалом");

    await h.drainOutbox();
    expect(boris.messages().some((m) => m.text.includes("Ваш список"))).toBe(false);
    expect(digestsFor(borisId)[0]).toMatchObject({ status: "dropped" });
    await lead.send("/status");
    expect(lead.lastText()).toContain("Не отправлено уходящим сотрудникам за 7 дней — 1");
    expect(lead.lastText()).toContain("• Борис: 1");

    for (const command of ["/clients", "/today"]) {
      await boris.send(command);
      expect(boris.lastText()).toContain("Доступ к клиентам закрыт: вы передаёте дела");
      expect(boris.lastText()).not.toContain("Иванов");
    }
    // A card button from before the handover opens nothing.
    await boris.tapButton("Иванов Пётр");
    expect(boris.toasts().at(-1)).toContain("Доступ к клиентам закрыт");
    expect(boris.messages().some((m) => m.text.includes("Иванов Пётр") && m.text.includes("Телефоны"))).toBe(false);
    // Files: nothing is read.
    await boris.sendDocument("mine.csv", csv(["ФИО;Телефон", "Новый;+79160000001"]));
    expect(boris.lastText()).toContain("Доступ к клиентам закрыт");
    expect(h.db.select().from(importBatches).all()).toEqual([]);
    // The next morning: no digest for him, though his clients still have next contacts.
    h.clock.advanceDays(1);
    h.runJob("daily-digest");
    expect(digestsFor(borisId)).toHaveLength(1);

    // Only the interview form reaches him, and works.
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📨 Отправить анкету уходящему");
    await h.drainOutbox();
    expect(boris.lastText()).toContain("просит вас помочь с передачей дел");
    await boris.tapButton("Начать");
    expect(boris.lastText()).toContain("1/2. Иванов Пётр");
    expect(h.errors()).toEqual([]);
  });
});

describe("a leaver on good terms", () => {
  it("reads their own clients until the last day, changes nothing, and has nothing after it", async () => {
    await offboardBoris("По-хорошему", "25.11");

    await boris.send("/clients");
    expect(boris.lastText()).toContain("Мои клиенты</b> — 2");
    const list = boris.last()!;
    await boris.tapButton("Иванов Пётр");
    expect(boris.lastText()).toContain("Иванов Пётр");
    // Nothing on the card changes anything; a button kept from before is refused.
    expect(boris.last()!.buttons.flat().map((b) => b.text)).toEqual(["← Назад"]);
    await boris.tap(`cl:m:${ids[0]}`, { messageId: list.messageId });
    expect(boris.toasts().at(-1)).toContain("Только просмотр до 25.11");
    // The call card opens read-only, and a forged outcome is refused.
    await boris.tap(`call:log:${ids[0]}`, { messageId: list.messageId });
    expect(boris.lastText()).toContain("Иванов Пётр");
    expect(boris.last()!.buttons).toEqual([]);
    await boris.tap(`call:a:c${ids[0]}:n`, { messageId: list.messageId });
    expect(boris.toasts().at(-1)).toContain("Только просмотр до 25.11");
    await boris.send("/client");
    expect(boris.lastText()).toContain("только для просмотра");
    // Digests until the last day.
    h.runJob("daily-digest");
    expect(digestsFor(borisId)).toHaveLength(1);
    await h.drainOutbox();
    expect(boris.lastText()).toContain("Ваш список");

    h.clock.set("2026-11-26T09:00:00+03:00"); // the day after the last day
    h.runJob("daily-digest");
    expect(digestsFor(borisId)).toHaveLength(1);
    await boris.send("/clients");
    expect(boris.lastText()).toContain("Ваш последний рабочий день (25.11) прошёл");
    await boris.send("/today");
    expect(boris.lastText()).toContain("доступа к клиентам больше нет");
    expect(h.errors()).toEqual([]);
  });
});

describe("nobody departing receives clients", () => {
  it("by the import's owner column, by hand from the card, or by distribution", async () => {
    await offboardBoris("По-хорошему");
    await lead.sendDocument("crm.csv", csv(["ФИО;Телефон;Ответственный", "Новый Клиент;+79160000009;Борис", "Ещё Клиент;+79160000010;Вера"]));
    await lead.tapButton("Загрузить");
    expect(clientNamed(h.db, "Новый Клиент").ownerId).toBeNull();
    expect(clientNamed(h.db, "Ещё Клиент").ownerId).toBe(memberIdOf(h.db, 300));

    await lead.send("/clients");
    await lead.tapButton("Клиент Веры");
    await lead.tapButton("Сменить");
    const picker = lead.last()!.buttons.flat().map((b) => b.text);
    expect(picker).not.toContain("Борис");
    await lead.tap(`cl:s:${ids[2]}:${borisId}`);
    expect(lead.toasts().at(-1)).toContain("уходит из команды");
    expect(clientNamed(h.db, "Клиент Веры").ownerId).toBe(memberIdOf(h.db, 300));

    await lead.send("/distribute");
    expect(lead.lastText()).not.toMatch(/Борис\s+\+/);
    void vera;
  });
});
