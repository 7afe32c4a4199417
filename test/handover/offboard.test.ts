// /offboard driven like a lead would: taps and typed text, in a private chat and in the linked group.
import { eq } from "drizzle-orm";
import type { Chat } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, checklistSteps, handovers, members } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment, seedNameOnlyMember } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let borisId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
});
afterEach(() => h.close());

const allHandovers = () => h.db.select().from(handovers).all();
const statusOf = (telegramId: number) => h.db.select().from(members).where(eq(members.telegramId, telegramId)).get()!.status;

/** The whole dialogue for one leaver; `/offboard` may first show the list of handovers in progress. */
async function offboard(who: Persona | string, name: string, day = "27.11", chat?: Chat) {
  const p = typeof who === "string" ? lead : who;
  await p.send("/offboard", chat);
  if (p === lead && (chat ? h.chat(chat.id).at(-1)?.text : lead.lastText())?.includes("Передачи дел в работе")) await lead.tapButton("Новая передача", chat);
  await p.tapButton(name, chat);
  await p.tapButton("По-хорошему", chat);
  await p.send(day, chat);
  await p.tapButton("Начать передачу", chat);
}

describe("the /offboard dialogue", () => {
  it("asks who, how, when, shows what is at stake and posts the checklist", async () => {
    const ids = seedClients(h.db, 1, [
      { name: "Иванов Пётр", ownerId: borisId, temperature: "hot", nextContactOn: "2026-11-20" },
      { name: "Петрова <Анна>", ownerId: borisId, temperature: "warm", nextContactOn: "2026-11-26" },
      { name: "Сидоров", ownerId: borisId, temperature: "cold" },
    ]);
    seedCommitment(h.db, { teamId: 1, clientId: ids[0]!, ownerId: borisId, kind: "document", text: "Акт сверки & счёт", dueOn: "2026-11-25" });
    seedCommitment(h.db, { teamId: 1, clientId: ids[1]!, ownerId: borisId, text: "Перезвонить", dueOn: "2026-11-20" });

    await lead.send("/offboard");
    expect(lead.lastText()).toContain("Кто уходит?");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["Борис", "Вера", "Анна · рук."]);
    await lead.tapButton("Борис");
    expect(lead.lastText()).toBe("Как уходит Борис?");
    await lead.send("как-нибудь");
    expect(lead.lastText()).toContain("выберите вариант кнопкой");
    await lead.tapButton("Со скандалом");
    expect(lead.lastText()).toContain("какой последний рабочий день?");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["Сегодня, пн 23.11", "Завтра, вт 24.11"]);
    await lead.send("в пятницу");

    const stake = lead.lastText();
    expect(stake).toContain("Что на кону: Борис");
    expect(stake).toContain("Уходит со скандалом, последний рабочий день — пт 27.11");
    expect(stake).toContain("Клиентов: <b>3</b> — 🔥 горячих 1, 🌤 тёплых 1, ❄️ холодных 1");
    expect(stake).toContain("Открытых договорённостей: <b>2</b> — долгов по документам 1, обещаний 1");
    expect(stake).toContain("• 25.11 — Иванов Пётр: Акт сверки &amp; счёт");
    expect(stake).toContain("Следующих контактов в ближайшие 7 дней: 1");
    expect(stake).toContain("⚠️ Уже просрочено договорённостей: <b>1</b>");
    expect(stake).toContain("⚠️ Клиентов с просроченным следующим контактом: <b>1</b>");
    expect(allHandovers()).toEqual([]); // nothing written before the confirmation
    expect(statusOf(200)).toBe("active");

    await lead.tapButton("Начать передачу");
    const [handover] = allHandovers();
    expect(handover).toMatchObject({ leaverId: borisId, terms: "bad", lastDay: "2026-11-27", status: "active", leaverPreviousStatus: "active", checklistChatId: 100 });
    expect(statusOf(200)).toBe("departing");
    const checklist = lead.last()!;
    expect(handover!.checklistMessageId).toBe(checklist.messageId);
    expect(checklist.text).toContain("📋 <b>Передача дел: Борис</b>");
    expect(checklist.text).toContain("Прогресс: ░░░░░░░ 0/7");
    expect(checklist.text).toContain("⬜ 1. Остановить новые заявки и входящие звонки на уходящего (CRM и телефония)\n      👤 Анна · 📅 пн 23.11");
    expect(checklist.text).toContain("🤖 4. Распределить всю базу клиентов");
    expect(checklist.text).toContain("у уходящего: 3, в пуле: 0");
    expect(checklist.buttons.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(["1. Заявки и звонки", "3. Интервью", "📜 История", "✖️ Отменить передачу"]),
    );
    const steps = h.db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, handover!.id)).all();
    expect(steps.map((s) => s.dueOn)).toEqual(["2026-11-23", "2026-11-27", "2026-11-26", "2026-11-27", "2026-12-04", "2026-11-28", "2026-12-04"]);
    expect(h.db.select().from(auditLog).all().map((a) => a.action)).toEqual(["handover_started"]);
    expect(h.errors()).toEqual([]);
  });

  it("explains a date it cannot read, confirms a past one and refuses one years away", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("когда-нибудь потом");
    expect(lead.lastText()).toContain("Не понял дату «когда-нибудь потом»");
    await lead.send("01.01.2029");
    expect(lead.lastText()).toContain("больше чем через год");
    await lead.send("20.11.2026");
    expect(lead.lastText()).toContain("пт 20.11 — это уже прошло");
    await lead.tapButton("Нет, другая дата");
    expect(lead.lastText()).toContain("напишите правильную дату");
    await lead.send("20.11.2026");
    await lead.tapButton("Да, пт 20.11");
    expect(lead.lastText()).toContain("последний рабочий день — пт 20.11");
    expect(allHandovers()).toEqual([]);
    await lead.tapButton("Начать передачу");
    expect(allHandovers()[0]!.lastDay).toBe("2026-11-20");
  });

  it("takes a typed name and says so when nobody or several people match", async () => {
    seedNameOnlyMember(h.db, 1, "Дмитрий Орлов");
    await lead.send("/offboard");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toContain("Дмитрий Орлов · по имени");
    await lead.send("Григорий");
    expect(lead.lastText()).toContain("Не нашёл в команде «Григорий»");
    await lead.send("р"); // Борис, Вера, Дмитрий Орлов
    expect(lead.lastText()).toContain("подходят несколько человек");
    await lead.send("орлов");
    expect(lead.lastText()).toBe("Как уходит Дмитрий Орлов?");
  });

  it("writes nothing when cancelled with /cancel or at the confirmation", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.send("/cancel");
    expect(lead.lastText()).toContain("Ничего не сохранено");
    await lead.tapButton("По-хорошему");
    expect(lead.toasts()).toContain("Эта кнопка устарела. Откройте свежее сообщение.");

    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("завтра");
    await lead.tapButton("Отмена");
    expect(lead.lastText()).toContain("передачу не начинаю");
    expect(allHandovers()).toEqual([]);
    expect(statusOf(200)).toBe("active");
  });

  it("survives a restart of the bot in the middle", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    h.restart();
    await lead.tapButton("По-хорошему");
    h.restart();
    await lead.send("27.11");
    h.restart();
    await lead.tapButton("Начать передачу");
    expect(allHandovers()).toHaveLength(1);
    expect(lead.lastText()).toContain("Передача дел: Борис");
    expect(h.errors()).toEqual([]);
  });

  it("restarts instead of opening a second dialogue when /offboard is typed again", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.send("/offboard");
    expect(lead.messages().at(-2)!.text).toBe("Начинаем заново.");
    expect(lead.lastText()).toContain("Кто уходит?");
    await lead.tapButton("Вера");
    await lead.tapButton("По-хорошему");
    const before = lead.messages().length;
    await lead.send("27.11");
    expect(lead.messages().length).toBe(before + 1); // one dialogue answered, not two
    await lead.tapButton("Начать передачу");
    expect(allHandovers().map((x) => x.leaverId)).toEqual([memberIdOf(h.db, 300)]);
  });

  it("keeps other buttons and commands working while it waits", async () => {
    await offboard(lead, "Вера");
    await lead.send("/offboard");
    await lead.tapButton("Новая передача");
    expect(lead.lastText()).toContain("Кто уходит?");
    await lead.send("/help");
    expect(lead.lastText()).toContain("/offboard — передать дела");
    // A checklist button of the other handover works mid-dialogue.
    await lead.tapButton("1. Заявки и звонки");
    await lead.tapButton("✅ Готово");
    expect(lead.toasts()).toContain("Шаг отмечен выполненным.");
    const vera = allHandovers()[0]!;
    expect(h.db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, vera.id)).all()[0]!.status).toBe("done");
    // And the dialogue goes on where it was.
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    expect(allHandovers()).toHaveLength(2);
    expect(h.errors()).toEqual([]);
  });

  it("is for leads only", async () => {
    await boris.send("/offboard");
    expect(boris.lastText()).toContain("только руководитель");
    expect(allHandovers()).toEqual([]);
    const stranger = h.user(900);
    await stranger.send("/offboard");
    expect(stranger.lastText()).toContain("Вы пока не в команде");
  });
});

describe("sensible messages for the special cases", () => {
  it("refuses the same leaver twice and offers the handover under way", async () => {
    await offboard(lead, "Борис");
    const first = allHandovers()[0]!;
    await lead.send("/offboard");
    expect(lead.lastText()).toContain("Передачи дел в работе: 1.");
    expect(lead.lastText()).toContain("• Борис — ▓▓░░░░░ 2/7, последний день пт 27.11"); // no clients: two steps done by themselves
    await lead.tapButton("Новая передача");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toContain("Борис · ⏳");
    await lead.tapButton("Борис");
    expect(lead.lastText()).toContain("Передача дел уже идёт: Борис");
    await lead.tapButton("Открыть чек-лист");
    expect(lead.lastText()).toContain("Передача дел: Борис");
    expect(h.db.select().from(handovers).get()!.checklistMessageId).toBe(lead.last()!.messageId);
    expect(lead.messages().find((m) => m.messageId === first.checklistMessageId)!.text).toContain("перенесён ниже");
    expect(allHandovers()).toHaveLength(1);
  });

  it("says so when the leaver has no clients, and completes distribution and calls", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    expect(lead.lastText()).toContain("Борис: клиентов в боте нет");
    expect(lead.lastText()).toContain("отметятся сами");
    await lead.tapButton("Начать передачу");
    expect(lead.lastText()).toContain("Прогресс: ▓▓░░░░░ 2/7");
    expect(lead.lastText()).toContain("✅ 4. Распределить всю базу клиентов");
  });

  it("tells the lead they will take the clients when the leaver is the only manager", async () => {
    h.db.update(members).set({ status: "left" }).where(eq(members.telegramId, 300)).run();
    seedClients(h.db, 1, [{ name: "Иванов", ownerId: borisId }]);
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    expect(lead.lastText()).toContain("Других менеджеров в команде нет");
    expect(lead.lastText()).toContain("«Возьму себе»");
  });

  it("handles a lead who leaves: refused when alone, confirmed by the other lead otherwise", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Анна");
    expect(lead.lastText()).toContain("единственный руководитель");
    await lead.send("/cancel");
    const coLead = await h.join(400, "lead", { first_name: "Глеб" });
    await coLead.send("/offboard");
    await coLead.tapButton("Анна");
    await coLead.tapButton("По-хорошему");
    await coLead.send("27.11");
    expect(coLead.lastText()).toContain("Анна — руководитель");
    await coLead.tapButton("Начать передачу");
    expect(coLead.lastText()).toContain("👤 Глеб");
    // The leaving lead cannot confirm steps of their own handover.
    const id = allHandovers()[0]!.id;
    const step = h.db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, id)).all()[0]!;
    await lead.tap(`chk:d:${id}:${step.id}`);
    expect(lead.toasts()).toContain("Шаги своей передачи дел подтверждает другой руководитель.");
    expect(h.db.select().from(checklistSteps).where(eq(checklistSteps.id, step.id)).get()!.status).toBe("open");
  });

  it("runs two handovers at once for different leavers", async () => {
    await offboard(lead, "Борис");
    await offboard(lead, "Вера", "30.11");
    expect(allHandovers().map((x) => [x.leaverId, x.lastDay])).toEqual([
      [borisId, "2026-11-27"],
      [memberIdOf(h.db, 300), "2026-11-30"],
    ]);
    await lead.send("/offboard");
    expect(lead.lastText()).toContain("Передачи дел в работе: 2.");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["Открыть: Борис", "Открыть: Вера", "➕ Новая передача", "🧩 Шаблон чек-листа"]);
  });

  it("speaks English to an English-speaking lead", async () => {
    await lead.send("/language");
    await lead.tapButton("English");
    await lead.send("/offboard");
    expect(lead.lastText()).toContain("Who is leaving?");
    await lead.tapButton("Борис");
    await lead.tapButton("On good terms");
    await lead.send("friday");
    expect(lead.lastText()).toContain("What is at stake: Борис");
    expect(lead.lastText()).toContain("last working day Fri 27 Nov");
    await lead.tapButton("Start the handover");
    expect(lead.lastText()).toContain("Handover: Борис");
    expect(lead.lastText()).toContain("Stop routing new leads");
  });
});

describe("in the team's group", () => {
  it("listens only to the lead who started it; everyone else passes by untouched", async () => {
    const group = h.group();
    await lead.send("/link", group.chat);
    await lead.send("/offboard", group.chat);
    const asked = group.messages().find((m) => m.text.includes("Кто уходит?"))!;
    expect(asked).toBeDefined();
    // Another member taps the dialogue's buttons and types a name: nothing happens to the dialogue.
    await boris.tapButton("Вера", group.chat);
    expect(boris.toasts()).toEqual(["Это диалог, который ведёт Анна."]);
    const before = group.messages().length;
    await boris.send("Вера", group.chat);
    await boris.send("привет всем", group.chat);
    expect(group.messages().length).toBe(before);
    await lead.tapButton("Борис", group.chat);
    // The terms of departure and what is at stake go on in the lead's private chat.
    expect(group.last()!.text).toContain("продолжим в личке");
    expect(group.messages().map((m) => m.text).join("\n")).not.toMatch(/По-хорошему|скандал|Что на кону/);
    await lead.tapButton("Продолжить передачу");
    expect(lead.lastText()).toContain("Как уходит Борис?");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    const handover = allHandovers()[0]!;
    expect(handover).toMatchObject({ lastDay: "2026-11-27", checklistChatId: group.id });
    expect(group.last()!.text).toContain("Передача дел: Борис");
    expect(group.last()!.text).not.toContain("по-хорошему");
    expect(lead.lastText()).toContain("Чек-лист опубликован в группе");
    // A manager's tap on the checklist changes nothing.
    await boris.tapButton("1. Заявки и звонки", group.chat);
    expect(boris.toasts()).toContain("Только руководитель может это сделать.");
    expect(h.errors()).toEqual([]);
  });

  it("politely refuses in a group that is not linked to the team", async () => {
    const group = h.group(-100777);
    await lead.send("/offboard", group.chat);
    expect(group.last()!.text).toContain("не привязана к вашей команде");
    expect(allHandovers()).toEqual([]);
  });
});
