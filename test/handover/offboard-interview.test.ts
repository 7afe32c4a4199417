// Checklist step 3: commitments typed by the lead, and the form the leaver fills in by DM.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, checklistSteps, commitments, handovers, members } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedNameOnlyMember } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let borisId: number;
let ids: number[];

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
  ids = seedClients(h.db, 1, [
    { name: "Иванов Пётр", ownerId: borisId, temperature: "warm", company: "ООО Ромашка" },
    { name: "Иванова Ольга", ownerId: borisId, temperature: "cold" },
    { name: "Петрова Анна", ownerId: borisId, temperature: "hot" },
    { name: "Чужой Клиент", ownerId: memberIdOf(h.db, 300), temperature: "hot" },
  ]);
});
afterEach(() => h.close());

async function startHandover(name = "Борис") {
  await lead.send("/offboard");
  await lead.tapButton(name);
  await lead.tapButton("По-хорошему");
  await lead.send("27.11");
  await lead.tapButton("Начать передачу");
}
const handover = () => h.db.select().from(handovers).get()!;
const recorded = () => h.db.select().from(commitments).where(eq(commitments.handoverId, handover().id)).all();

describe("the interview typed by the lead", () => {
  it("records commitments matched to the leaver's clients, guessing kind and date", async () => {
    await startHandover();
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📝 Записать договорённости");
    expect(lead.lastText()).toContain("Интервью по передаче дел: Борис");
    expect(lead.lastText()).toContain("(клиентов: 3)");

    await lead.send("Петрова: перезвонить 2 декабря");
    expect(lead.lastText()).toContain("✍️ Петрова Анна: перезвонить 2 декабря");
    expect(lead.lastText()).toContain("🤝 обещание · до ср 02.12");

    await lead.send("Иванов — договор до 30.11");
    expect(lead.lastText()).toContain("Какой клиент имеется в виду под «Иванов»?");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["Иванов Пётр (ООО Ромашка)", "Иванова Ольга", "Никто из них"]);
    await lead.tapButton("Иванов Пётр (ООО Ромашка)");
    expect(lead.lastText()).toContain("⏰ срок клиента · до пн 30.11");

    await lead.send("Чужой — обещал скидку");
    expect(lead.lastText()).toContain("Не нашёл «Чужой» среди клиентов уходящего (Борис)");
    await lead.send("просто текст без клиента");
    expect(lead.lastText()).toContain("Напишите так: «Клиент — что обещано [до даты]»");

    await lead.tapButton("Готово, больше нет");
    expect(lead.lastText()).toContain("Записано договорённостей: 2.");
    expect(recorded().map((c) => [c.clientId, c.kind, c.text, c.dueOn, c.ownerId])).toEqual([
      [ids[2], "promise", "перезвонить 2 декабря", "2026-12-02", borisId],
      [ids[0], "deadline", "договор до 30.11", "2026-11-30", borisId],
    ]);
    expect(h.db.select().from(auditLog).all().filter((a) => a.action === "commitment_added")).toHaveLength(2);
    // The checklist counts them, and finishing the typing closes the step by itself (issue 13 §7).
    const listMsg = lead.messages().find((m) => m.messageId === handover().checklistMessageId)!;
    expect(listMsg.text).toContain("📝 записано договорённостей: 2");
    expect(listMsg.text).toContain("✅ 3.");
    expect(lead.lastText()).toContain("Шаг «Интервью» в чек-листе выполнен");
    const step = h.db.select().from(checklistSteps).where(and(eq(checklistSteps.handoverId, handover().id), eq(checklistSteps.kind, "interview"))).get()!;
    expect(step.status).toBe("done");
    expect(h.errors()).toEqual([]);
  });

  it("lets the lead correct the guessed kind or take a line back, even after the dialogue", async () => {
    await startHandover();
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📝 Записать договорённости");
    await lead.send("Петрова — прислать бумаги до пятницы");
    await lead.tapButton("Готово, больше нет");
    await lead.tapButton("📄 Документ");
    expect(lead.toasts().at(-1)).toBe("Исправлено.");
    expect(recorded()[0]!.kind).toBe("document");
    await lead.tapButton("📄 Документ");
    expect(lead.toasts().at(-1)).toBe("Уже так.");
    await boris.tap(`chk:cd:${recorded()[0]!.id}`);
    expect(boris.toasts()).toEqual(["Только руководитель может это сделать."]);
    await lead.tapButton("🗑 Удалить");
    expect(recorded()[0]!.status).toBe("cancelled");
    const msg = lead.messages().find((m) => m.text.includes("удалено"))!;
    expect(msg.text).toBe("<s>Петрова Анна: прислать бумаги до пятницы</s> — удалено");
    expect(msg.buttons).toEqual([]);
  });

  it("gives way to a new /offboard dialogue in the private chat", async () => {
    await startHandover();
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📝 Записать договорённости");
    await lead.send("/offboard");
    await lead.tapButton("Новая передача");
    await lead.send("Вера");
    expect(lead.lastText()).toBe("Как уходит Вера?");
    expect(recorded()).toEqual([]);
  });

  it("from the group's checklist goes on in the lead's private chat", async () => {
    const group = h.group();
    await lead.send("/link", group.chat);
    await lead.send("/offboard", group.chat);
    await lead.tapButton("Борис", group.chat);
    await lead.tapButton("Продолжить передачу");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    await lead.tapButton("3. Интервью", group.chat);
    const before = group.messages().length;
    await lead.tapButton("📝 Записать договорённости", group.chat);
    expect(lead.toasts().at(-1)).toContain("в личном чате");
    expect(group.messages().length).toBe(before + 1);
    expect(group.last()!.text).toContain("в личке");
    await lead.tapButton("Продолжить");
    expect(lead.lastText()).toContain("Петрова");
    await lead.send("Петрова — акт сверки");
    await lead.tapButton("Готово, больше нет");
    expect(recorded().map((c) => [c.text, c.kind])).toEqual([["акт сверки", "document"]]);
    expect(group.messages().map((m) => m.text + JSON.stringify(m.buttons)).join("\n")).not.toMatch(/Петров|Иванов|Ромашка|акт сверки/);
  });
});

describe("the leaver's form", () => {
  it("walks the leaver's clients by DM and sends the lead what was filled in", async () => {
    await startHandover();
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📨 Отправить анкету уходящему");
    expect(lead.toasts().at(-1)).toBe("Анкета отправлена.");
    expect(lead.lastText()).toContain("Когда Борис её заполнит");
    await h.drainOutbox();
    expect(boris.lastText()).toContain("Борис, руководитель (Анна) просит вас помочь с передачей дел");
    await boris.tapButton("Начать");
    expect(boris.messages().at(-2)!.text).toContain("Клиентов: 3. Начнём с горячих.");
    expect(boris.lastText()).toContain("<b>1/3. Петрова Анна</b> — 🔥 горячий");
    await boris.send("обещал КП");
    expect(boris.lastText()).toContain("До какого числа?");
    await boris.send("никогда");
    expect(boris.lastText()).toContain("Не понял дату «никогда»");
    await boris.send("в пятницу");
    expect(boris.lastText()).toContain("Записал, срок — пт 27.11");
    await boris.send("и скидку 5% до 1.12");
    expect(boris.lastText()).toContain("срок — вт 01.12");
    await boris.tapButton("Дальше");
    expect(boris.lastText()).toContain("2/3. Иванов Пётр (ООО Ромашка)");
    h.restart(); // the form survives a restart too
    await boris.tapButton("Ничего открытого");
    expect(boris.lastText()).toContain("3/3. Иванова Ольга");
    await boris.tapButton("Пропустить");
    expect(boris.lastText()).toContain("Спасибо! Руководитель получит сводку");
    expect(recorded().map((c) => [c.clientId, c.kind, c.text, c.dueOn])).toEqual([
      [ids[2], "document", "обещал КП", "2026-11-27"],
      [ids[2], "promise", "и скидку 5% до 1.12", "2026-12-01"],
    ]);
    await h.drainOutbox();
    const summary = lead.lastText();
    expect(summary).toContain("Борис заполнил(а) анкету передачи дел");
    expect(summary).toContain("Просмотрено клиентов: 2 из 3; записано договорённостей: 2; «ничего открытого»: 1; пропущено: 1.");
    expect(summary).toContain("• Петрова Анна: обещал КП (до 27.11)");
    expect(h.db.select().from(auditLog).all().map((a) => a.action)).toEqual(
      expect.arrayContaining(["leaver_form_sent", "commitment_added", "leaver_form_done"]),
    );
    expect(h.errors()).toEqual([]);
  });

  it("is offered only for a leaver the bot can reach, and only the leaver can open it", async () => {
    const nameOnly = seedNameOnlyMember(h.db, 1, "Дмитрий");
    seedClients(h.db, 1, [{ name: "Клиент Дмитрия", ownerId: nameOnly }]);
    await startHandover("Дмитрий");
    await lead.tapButton("3. Интервью");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).not.toContain("📨 Отправить анкету уходящему");
    await lead.tap(`chk:form:${handover().id}`);
    expect(lead.toasts().at(-1)).toContain("анкету не доставить");
    // Someone else than the leaver tapping a (forged) Start gets a toast.
    await boris.tap(`off:lf:go:${handover().id}:1`);
    expect(boris.toasts()).toEqual(["Анкета больше не актуальна."]);
  });

  it("tells the leaver the form is no longer needed once the handover is cancelled", async () => {
    await startHandover();
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📨 Отправить анкету уходящему");
    await h.drainOutbox();
    await boris.tapButton("Начать");
    await lead.tapButton("« Назад");
    await lead.tapButton("✖️ Отменить передачу");
    await lead.tapButton("Да, отменить");
    await boris.send("обещал КП до пятницы");
    expect(boris.lastText()).toContain("Эта анкета больше не нужна");
    expect(recorded()).toEqual([]);
    expect(h.db.select().from(members).where(eq(members.id, borisId)).get()!.status).toBe("active");
  });
});
