// The team's checklist template, edited by a lead with /offboard template.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checklistSteps, checklistTemplateSteps } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";

let h: Harness;
let lead: Persona;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

const template = () => h.db.select().from(checklistTemplateSteps).orderBy(checklistTemplateSteps.position).all();

describe("the checklist template", () => {
  it("adds, rewords, moves, re-times and removes steps; new handovers use it", async () => {
    await lead.send("/offboard template");
    const menu = lead.last()!;
    expect(menu.text).toContain("Шаблон чек-листа команды");
    expect(menu.text).toContain("1. Остановить новые заявки и входящие звонки на уходящего (CRM и телефония) — сразу, в день запуска");
    expect(menu.text).toContain("3. Интервью: записать все открытые договорённости, обещания, долги по документам и сроки клиентов — за 1 день до последнего дня");
    expect(menu.text).toContain("5. 🤖 Обзвон каждого клиента новым менеджером — через 7 дней после последнего дня");

    await lead.tapButton("➕ Добавить шаг");
    await lead.send("x");
    expect(lead.lastText()).toContain("от 2 до 200 символов");
    await lead.send("Забрать ноутбук & пропуск");
    expect(lead.lastText()).toContain("Когда срок?");
    await lead.send("через неделю");
    expect(lead.lastText()).toContain("Не понял");
    await lead.send("0");
    expect(lead.lastText()).toContain("Шаблон сохранён.");
    expect(lead.lastText()).toContain("7. Забрать ноутбук &amp; пропуск — в последний рабочий день");
    expect(lead.lastText()).toContain("8. 🤖 Финальная проверка");

    await lead.tapButton("7. Забрать ноутбук & пропуск");
    await lead.tapButton("⬆️");
    expect(lead.toasts().at(-1)).toBe("Шаблон сохранён.");
    expect(lead.lastText()).toContain("6. Забрать ноутбук &amp; пропуск");
    await lead.tapButton("📅 Срок");
    await lead.tapButton("−1");
    expect(lead.lastText()).toContain("6. Забрать ноутбук &amp; пропуск — за 1 день до последнего дня");

    // The redistribution step cannot be removed; the interview can.
    await lead.tapButton("4. Распределение");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).not.toContain("🗑 Удалить");
    await lead.tap(`off:tpl:rmy:${template()[3]!.id}`);
    expect(lead.toasts().at(-1)).toContain("Удалить его нельзя");
    await lead.tapButton("« Назад");
    await lead.tapButton("3. Интервью");
    await lead.tapButton("✏️ Переименовать");
    await lead.send("Разговор с уходящим");
    expect(lead.lastText()).toContain("3. Разговор с уходящим");
    await lead.tapButton("3. Разговор с уходящим");
    await lead.tapButton("🗑 Удалить");
    await lead.tapButton("Да, удалить");
    expect(template().map((s) => [s.kind, s.title, s.offsetDays])).toEqual([
      ["stop_routing", null, -365],
      ["revoke_access", null, 0],
      ["redistribute", null, 0],
      ["reactivation", null, 7],
      ["custom", "Забрать ноутбук & пропуск", -1],
      ["crm_update", null, 1],
      ["final_check", null, 7],
    ]);

    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    expect(lead.lastText()).toContain("5. Забрать ноутбук &amp; пропуск\n      👤 Анна · 📅 чт 26.11");
    expect(lead.lastText()).toContain("Прогресс: ▓▓░░░░░ 2/7"); // Борис has no clients
    const custom = h.db.select().from(checklistSteps).where(eq(checklistSteps.kind, "custom")).get()!;
    expect(custom).toMatchObject({ title: "Забрать ноутбук & пропуск", dueOn: "2026-11-26" });
    expect(h.errors()).toEqual([]);
  });

  it("goes back to the default template after a confirmation", async () => {
    await lead.send("/offboard template");
    await lead.tapButton("➕ Добавить шаг");
    await lead.send("Лишний шаг");
    await lead.tapButton("Сразу");
    expect(template()).toHaveLength(8);
    await lead.tapButton("↺ Стандартный");
    await lead.tapButton("Да, вернуть стандартный");
    expect(template().map((s) => s.kind)).toEqual(["stop_routing", "revoke_access", "interview", "redistribute", "reactivation", "crm_update", "final_check"]);
  });

  it("opens from the /offboard list and closes with Done", async () => {
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    await lead.send("/offboard");
    await lead.tapButton("🧩 Шаблон чек-листа");
    expect(lead.lastText()).toContain("Шаблон чек-листа команды");
    await lead.tapButton("Готово");
    expect(lead.toasts().at(-1)).toBe("Шаблон сохранён.");
    expect(lead.last()!.buttons).toEqual([]);
  });

  it("is for leads only", async () => {
    const manager = h.user(200);
    await manager.send("/offboard template");
    expect(manager.lastText()).toContain("только руководитель");
    await manager.tap("chk:in:ta");
    expect(manager.toasts()).toEqual(["Только руководитель может это сделать."]);
    expect(template()).toEqual([]);
  });
});
