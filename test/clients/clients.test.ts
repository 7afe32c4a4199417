import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientEvents, clients, commitments, notifications } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment, seedManyClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let vera: Persona;
let borisId: number;
let veraId: number;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  boris = await h.join(200, "manager", { first_name: "Борис" });
  vera = await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
  veraId = memberIdOf(h.db, 300);
});
afterEach(() => h.close());

const clientButtons = (p: Persona) => p.last()!.buttons.flat().filter((b) => b.data?.startsWith("cl:c:")).map((b) => b.text);

describe("/clients", () => {
  it("shows a manager only their own clients, and a lead the whole team's", async () => {
    seedClients(h.db, 1, [
      { name: "Клиент Бориса", ownerId: borisId, temperature: "hot" },
      { name: "Клиент Веры", ownerId: veraId },
      { name: "Ничей", ownerId: null, temperature: "cold" },
    ]);
    await boris.send("/clients");
    expect(boris.lastText()).toContain("Мои клиенты</b> — 1");
    expect(clientButtons(boris)).toEqual(["🔥 Клиент Бориса"]);
    // Managers get no owner filters.
    expect(boris.last()!.buttons.flat().map((b) => b.text)).not.toContain("Без ответственного");

    await lead.send("/clients");
    expect(lead.lastText()).toContain("Клиенты команды</b> — 3");
    expect(clientButtons(lead)).toEqual(["🔥 Клиент Бориса · Борис", "🌤 Клиент Веры · Вера", "❄️ Ничей"]);
  });

  it("pages through many clients by editing the same message", async () => {
    seedManyClients(h.db, 1, borisId, 25, "Клиент");
    await boris.send("/clients");
    const list = boris.last()!;
    expect(boris.lastText()).toContain("Страница 1 из 3");
    expect(clientButtons(boris)).toHaveLength(10);
    await boris.tapButton("▶");
    expect(boris.last()!.messageId).toBe(list.messageId);
    expect(boris.lastText()).toContain("Страница 2 из 3");
    await boris.tapButton("▶");
    expect(boris.lastText()).toContain("Страница 3 из 3");
    expect(clientButtons(boris)).toHaveLength(5);
    expect(boris.last()!.buttons.flat().map((b) => b.text)).not.toContain("▶");
    await boris.tapButton("◀");
    expect(boris.lastText()).toContain("Страница 2 из 3");
    expect(boris.messages()).toHaveLength(list.messageId - boris.messages()[0]!.messageId + 1);
    expect(h.calls("editMessageText").length).toBeGreaterThanOrEqual(3);
  });

  it("lets a lead filter by temperature, by owner and the unassigned pool", async () => {
    seedClients(h.db, 1, [
      { name: "А горячий Бориса", ownerId: borisId, temperature: "hot" },
      { name: "Б тёплый Бориса", ownerId: borisId },
      { name: "В горячий Веры", ownerId: veraId, temperature: "hot" },
      { name: "Г ничей", ownerId: null },
    ]);
    await lead.send("/clients");
    await lead.tapButton(/^🔥$/);
    expect(lead.lastText()).toContain("Фильтр: 🔥 горячие");
    expect(clientButtons(lead)).toEqual(["🔥 А горячий Бориса · Борис", "🔥 В горячий Веры · Вера"]);
    await lead.tapButton("По менеджеру");
    await lead.tapButton("Борис (2)");
    expect(lead.lastText()).toContain("ответственный Борис");
    expect(clientButtons(lead)).toEqual(["🔥 А горячий Бориса"]);
    await lead.tapButton(/^✓ 🔥$/);
    expect(clientButtons(lead)).toEqual(["🔥 А горячий Бориса", "🌤 Б тёплый Бориса"]);
    await lead.tapButton("Без ответственного");
    expect(clientButtons(lead)).toEqual(["🌤 Г ничей"]);
    await lead.tapButton(/^❄️$/);
    expect(lead.lastText()).toContain("По этому фильтру клиентов нет");
  });

  it("invites to import when the base is empty", async () => {
    await lead.send("/clients");
    expect(lead.lastText()).toContain("Клиентов пока нет. Пришлите мне выгрузку");
    await boris.send("/clients");
    expect(boris.lastText()).toContain("У вас пока нет клиентов");
  });

  it("keeps client data out of group chats", async () => {
    seedClients(h.db, 1, [{ name: "Секретный", ownerId: borisId }]);
    const group = h.group();
    await lead.send("/clients", group.chat);
    expect(group.last()!.text).toContain("только в личном чате");
    expect(group.last()!.text).not.toContain("Секретный");
  });
});

describe("the client card", () => {
  it("shows contacts, owners, temperature, next contact, open commitments and history", async () => {
    const [id] = seedClients(h.db, 1, [
      { name: "Иван <Петров>", ownerId: borisId, temperature: "hot", company: "ООО «Ромашка» & Co", phones: ["+79161234567", "+74951112233"], email: "ivan@romashka.ru", nextContactOn: "2026-11-20", notes: "Любит <b>звонки</b> утром" },
    ]);
    h.db.update(clients).set({ previousOwnerId: veraId, externalId: "amo-77" }).where(eq(clients.id, id!)).run();
    seedCommitment(h.db, { teamId: 1, clientId: id!, ownerId: borisId, kind: "document", text: "акт сверки", dueOn: "2026-11-21" });
    seedCommitment(h.db, { teamId: 1, clientId: id!, ownerId: borisId, kind: "promise", text: "скидка 5%", dueOn: "2026-12-01" });
    const done = seedCommitment(h.db, { teamId: 1, clientId: id!, ownerId: borisId, text: "уже сделано" });
    h.db.update(commitments).set({ status: "done" }).where(eq(commitments.id, done)).run();
    h.db.insert(clientEvents).values({ teamId: 1, clientId: id!, actorId: memberIdOf(h.db, 100), kind: "imported", details: {}, at: h.clock.now().getTime() - 86_400_000 }).run();

    await boris.send("/clients");
    await boris.tapButton("Иван");
    const card = boris.lastText();
    expect(card).toContain("👤 <b>Иван &lt;Петров&gt;</b>");
    expect(card).toContain("Компания: ООО «Ромашка» &amp; Co");
    expect(card).toContain("Телефон: +79161234567, +74951112233");
    expect(card).toContain("Email: ivan@romashka.ru");
    expect(card).toContain("ID в CRM: amo-77");
    expect(card).toContain("Ответственный: Борис");
    expect(card).toContain("Прежний ответственный: Вера");
    expect(card).toContain("Температура: 🔥 горячий");
    expect(card).toContain("Следующий контакт: 20.11 ⚠️ просрочен");
    expect(card).toContain("Примечание: Любит &lt;b&gt;звонки&lt;/b&gt; утром");
    expect(card).toContain("Обещания и сроки</b> (2)");
    expect(card).toContain("📄 документ: акт сверки — до 21.11 ⚠️ просрочено");
    expect(card).toContain("🤝 обещание: скидка 5% — до 01.12");
    expect(card).not.toContain("уже сделано");
    expect(card).toContain("22.11 09:00 — 📥 загружен из файла (Анна)");
    const buttons = boris.last()!.buttons.flat();
    expect(buttons.find((b) => b.text.includes("Записать звонок"))!.data).toBe(`call:log:${id}`);
    expect(buttons.map((b) => b.text)).not.toContain("👤 Сменить ответственного");
    await boris.tapButton("Назад");
    expect(boris.lastText()).toContain("Мои клиенты");
    expect(h.errors()).toEqual([]);
  });

  it("does not open another manager's client from a forged button", async () => {
    const [veras] = seedClients(h.db, 1, [{ name: "Клиент Веры", ownerId: veraId, phones: ["+79160000009"] }]);
    seedClients(h.db, 1, [{ name: "Свой", ownerId: borisId }]);
    await boris.send("/clients");
    const shown = boris.lastText();
    await boris.tap(`cl:c:${veras}:::0`);
    expect(boris.toasts()).toContain("Этот клиент вам недоступен.");
    expect(boris.lastText()).toBe(shown);
    await boris.tap(`cl:o:${veras}`);
    await boris.tap(`cl:s:${veras}:${borisId}`);
    expect(h.db.select().from(clients).where(eq(clients.id, veras!)).get()!.ownerId).toBe(veraId);
    await boris.tap(`cl:m:${veras}`);
    expect(boris.lastText()).toBe(shown);
    await boris.tap("cl:c:99999:::0");
    await boris.tap("cl:garbage");
    expect(h.errors()).toEqual([]);
  });

  it("lets a lead change the owner; the new owner hears about it", async () => {
    const [id] = seedClients(h.db, 1, [{ name: "Иван", ownerId: borisId }]);
    seedCommitment(h.db, { teamId: 1, clientId: id!, ownerId: borisId, text: "перезвонить" });
    await lead.send("/clients");
    await lead.tapButton("Иван");
    await lead.tapButton("Сменить ответственного");
    expect(lead.lastText()).toContain("Кому передать клиента «Иван»?");
    await lead.tapButton("Вера");
    expect(lead.toasts()).toContain("Ответственный изменён.");
    expect(lead.lastText()).toContain("Ответственный: Вера");
    expect(lead.lastText()).toContain("Прежний ответственный: Борис");
    expect(h.db.select().from(clients).where(eq(clients.id, id!)).get()).toMatchObject({ ownerId: veraId, previousOwnerId: borisId, unassignedSince: null });
    expect(h.db.select().from(commitments).get()!.ownerId).toBe(veraId);
    expect(h.db.select().from(clientEvents).where(eq(clientEvents.kind, "owner_changed")).all()).toHaveLength(1);
    expect(h.db.select().from(notifications).all()).toHaveLength(1);
    await h.drainOutbox();
    expect(vera.lastText()).toContain("Вам передан клиент «Иван»");
    await vera.tapButton("Открыть карточку");
    expect(vera.lastText()).toContain("Ответственный: Вера");
  });

  it("adds a commitment from the card: the text decides the kind and the due date, one tap saves it", async () => {
    const [id] = seedClients(h.db, 1, [{ name: "Иван", ownerId: borisId }]);
    await boris.send("/clients");
    await boris.tapButton("Иван");
    await boris.tapButton("Обещание или срок");
    expect(boris.lastText()).toContain("Напишите одной фразой");
    const actions = h.calls("sendMessage").length;
    await boris.send("договор до 30.11");
    expect(boris.lastText()).toContain("⏰ Срок клиента: договор\nСрок: до пн 30.11");
    expect(boris.last()!.buttons.flat().map((b) => b.text)).toEqual(["Это 🤝 обещание", "Это 📄 документ", "✅ Сохранить"]);
    expect(h.db.select().from(commitments).all()).toEqual([]);
    await boris.tapButton("Сохранить");
    // Two actions: the sentence and the tap (it used to be a kind tap, the text and the date).
    expect(h.calls("sendMessage").length - actions).toBe(3); // the draft, "added", the card
    expect(boris.messages().at(-2)!.text).toContain("✅ Добавлено");
    expect(boris.lastText()).toContain("⏰ срок: договор — до 30.11");
    expect(h.db.select().from(commitments).all()).toMatchObject([{ clientId: id, ownerId: borisId, kind: "deadline", text: "договор", dueOn: "2026-11-30", status: "open" }]);
    expect(h.db.select().from(clientEvents).where(eq(clientEvents.kind, "commitment_added")).all()).toHaveLength(1);
  });

  it("lets the kind be changed with one tap and a date be typed when the text has none", async () => {
    seedClients(h.db, 1, [{ name: "Иван", ownerId: borisId }]);
    await boris.send("/clients");
    await boris.tapButton("Иван");
    await boris.tapButton("Обещание или срок");
    await boris.send("обещали бесплатную доставку");
    expect(boris.lastText()).toContain("🤝 Обещание клиенту: обещали бесплатную доставку\nСрок: нет");
    await boris.send("вчера");
    expect(boris.lastText()).toContain("уже прошла");
    await boris.send("когда-нибудь");
    expect(boris.lastText()).toContain("Не понял дату");
    await boris.send("к пятнице");
    expect(boris.lastText()).toContain("Срок: до пт 27.11");
    await boris.tapButton("Это 📄 документ");
    expect(boris.lastText()).toContain("📄 Долг по документам: обещали бесплатную доставку");
    await boris.tapButton("Сохранить");
    expect(h.db.select().from(commitments).all()).toMatchObject([{ kind: "document", text: "обещали бесплатную доставку", dueOn: "2026-11-27" }]);
  });

  it("reads «до конца месяца» typed on 6 December as 31.12, and a document debt from its words", async () => {
    h.clock.set("2026-12-06T21:30:00+03:00");
    seedClients(h.db, 1, [{ name: "Иван", ownerId: borisId }]);
    await boris.send("/clients");
    await boris.tapButton("Иван");
    await boris.tapButton("Обещание или срок");
    await boris.send("прислать КП и счёт до конца месяца");
    expect(boris.lastText()).toContain("📄 Долг по документам: прислать КП и счёт\nСрок: до чт 31.12");
    await boris.tapButton("Сохранить");
    expect(h.db.select().from(commitments).all()).toMatchObject([{ kind: "document", text: "прислать КП и счёт", dueOn: "2026-12-31" }]);
  });

  it("/cancel leaves nothing behind", async () => {
    seedClients(h.db, 1, [{ name: "Иван", ownerId: borisId }]);
    await boris.send("/clients");
    await boris.tapButton("Иван");
    await boris.tapButton("Обещание или срок");
    await boris.send("скидка 5% на следующий заказ");
    await boris.send("/cancel");
    expect(boris.lastText()).toContain("Ничего не сохранено");
    expect(h.db.select().from(commitments).all()).toEqual([]);
  });
});

describe("/client", () => {
  it("adds a manager's own client after a short dialogue and shows its card", async () => {
    await boris.send("/client");
    expect(boris.lastText()).toContain("Как его зовут");
    await boris.send("Иван Петров");
    await boris.send("12345");
    expect(boris.lastText()).toContain("Не могу распознать номер");
    await boris.send("8 (916) 123-45-67");
    await boris.send("ООО «Ромашка»");
    await boris.tapButton("горячий");
    expect(boris.messages().at(-2)!.text).toContain("✅ Клиент добавлен");
    expect(boris.lastText()).toContain("Иван Петров");
    expect(boris.lastText()).toContain("Ответственный: Борис");
    expect(h.db.select().from(clients).all()).toMatchObject([
      { name: "Иван Петров", phones: ["+79161234567"], primaryPhone: "+79161234567", company: "ООО «Ромашка»", temperature: "hot", ownerId: borisId, unassignedSince: null },
    ]);
    expect(h.db.select().from(clientEvents).all()).toMatchObject([{ kind: "created", actorId: borisId }]);
  });

  it("lets a lead pick the owner or leave the client unassigned, and skip the optional fields", async () => {
    await lead.send("/client");
    await lead.send("Ольга");
    await lead.tapButton("Пропустить");
    await lead.tapButton("Пропустить");
    await lead.tapButton("холодный");
    expect(lead.lastText()).toContain("Кто будет ответственным?");
    await lead.tapButton("Без ответственного");
    expect(h.db.select().from(clients).all()).toMatchObject([{ name: "Ольга", phones: [], company: null, temperature: "cold", ownerId: null, unassignedSince: h.clock.now().getTime() }]);
    expect(lead.lastText()).toContain("в пуле без ответственного");
  });

  it("does not add a second client with a phone already in the base", async () => {
    seedClients(h.db, 1, [{ name: "Иван", ownerId: veraId, phones: ["+79161234567"] }]);
    await boris.send("/client");
    await boris.send("Иван П.");
    await boris.send("+7 916 123 45 67");
    await boris.tapButton("Пропустить");
    await boris.tapButton("тёплый");
    expect(boris.lastText()).toContain("уже есть в базе у другого сотрудника");
    expect(boris.lastText()).not.toContain("Вера");
    expect(h.db.select().from(clients).all()).toHaveLength(1);
  });

  it("survives a restart in the middle of the dialogue", async () => {
    await boris.send("/client");
    await boris.send("Иван");
    h.restart();
    await boris.tapButton("Пропустить");
    await boris.tapButton("Пропустить");
    await boris.tapButton("тёплый");
    expect(h.db.select().from(clients).all()).toHaveLength(1);
  });
});
