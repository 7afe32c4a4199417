import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;

beforeEach(async () => {
  h = await createHarness();
  lead = await h.createTeam(100, "Отдел <продаж>", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(201, "manager", { first_name: "Вера" });
});
afterEach(() => h.close());

const member = (telegramId: number) => h.db.select().from(members).where(eq(members.id, memberIdOf(h.db, telegramId))).get()!;

describe("/settings", () => {
  it("shows the team's values to a lead only", async () => {
    await lead.send("/settings");
    const text = lead.lastText();
    expect(text).toContain("Настройки команды «Отдел &lt;продаж&gt;»");
    expect(text).toContain("Лимит клиентов на менеджера: нет");
    expect(text).toContain("Рабочих дней на обзвон: 5");
    expect(text).toContain("Звонков на менеджера в день: не больше 20");
    expect(text).toContain("Рабочие дни: пн, вт, ср, чт, пт");
    expect(text).toContain("Рабочие часы: 9:00–19:00");
    expect(text).toContain("приходит в 09:00");
    await boris.send("/settings");
    expect(boris.lastText()).toContain("только руководитель");
    const settingsMessage = lead.last()!;
    await boris.tap("set:f:cap", { messageId: settingsMessage.messageId, chatId: lead.id });
    expect(boris.toasts()).toContain("Только руководитель может это сделать.");
    expect(h.errors()).toEqual([]);
  });

  it("sets the cap per manager with validation, and removes it", async () => {
    await lead.send("/settings");
    await lead.tapButton("Лимит на менеджера");
    expect(lead.lastText()).toContain("Сколько клиентов может быть у одного менеджера?");
    await lead.send("много");
    expect(lead.lastText()).toContain("Нужно целое число от 1 до 100");
    await lead.send("0.5");
    expect(lead.lastText()).toContain("Нужно целое число");
    expect(h.team().managerCap).toBeNull();
    await lead.send("50");
    expect(h.team().managerCap).toBe(50);
    expect(lead.messages().at(-2)!.text).toContain("Сохранено");
    expect(lead.lastText()).toContain("Лимит клиентов на менеджера: <b>50</b>");
    await lead.tapButton("Убрать лимит");
    expect(h.team().managerCap).toBeNull();
    expect(lead.lastText()).toContain("Лимит клиентов на менеджера: нет");
    await lead.tapButton("Лимит на менеджера");
    await lead.send("нет");
    expect(h.team().managerCap).toBeNull();
  });

  it("accepts the other numbers within their limits", async () => {
    await lead.send("/settings");
    await lead.tapButton("Звонков в день");
    await lead.send("500");
    expect(lead.lastText()).toContain("от 1 до 200");
    await lead.send("15");
    await lead.tapButton("Дней на обзвон");
    await lead.send("7");
    await lead.tapButton("Час списка звонков");
    await lead.send("25");
    expect(lead.lastText()).toContain("Нужен час от 0 до 23");
    await lead.send("08:00");
    await lead.tapButton("Рабочие часы");
    await lead.send("19-9");
    expect(lead.lastText()).toContain("начало раньше конца");
    await lead.send("10:00–18:00");
    await lead.tapButton("Напоминать о сроках");
    await lead.send("48 ч");
    const team = h.team();
    expect(team).toMatchObject({ maxCallsPerDay: 15, campaignDays: 7, digestHour: 8, workStartHour: 10, workEndHour: 18, deadlineWindowHours: 48 });
    expect(lead.lastText()).toContain("Рабочие часы: 10:00–18:00");
    expect(lead.lastText()).toContain("приходит в 08:00");
  });

  it("leaves a value as it was when the lead changes their mind, even after a restart", async () => {
    await lead.send("/settings");
    await lead.tapButton("Дней на обзвон");
    h.restart();
    await lead.send("/help"); // other commands pass through the open question
    expect(lead.lastText()).toContain("/distribute");
    await lead.tapButton("Не менять");
    expect(lead.lastText()).toContain("оставляю как было");
    expect(h.team().campaignDays).toBe(5);
    await lead.send("3"); // the question is closed: this is no answer
    expect(h.team().campaignDays).toBe(5);
  });

  it("toggles working days but keeps at least one", async () => {
    await lead.send("/settings");
    await lead.tapButton("Рабочие дни");
    await lead.tapButton("▫️ сб");
    expect(h.team().workingDays).toBe("1,2,3,4,5,6");
    for (const d of ["✅ пн", "✅ вт", "✅ ср", "✅ чт", "✅ пт"]) await lead.tapButton(d);
    expect(h.team().workingDays).toBe("6");
    await lead.tapButton("✅ сб");
    expect(lead.toasts().at(-1)).toContain("Хотя бы один день");
    expect(h.team().workingDays).toBe("6");
    await lead.tapButton("Назад");
    expect(lead.lastText()).toContain("Рабочие дни: сб");
  });

  it("sets a manager's weight and exclusion, which the next distribution respects", async () => {
    await lead.send("/settings");
    await lead.tapButton("Менеджеры");
    expect(lead.lastText()).toContain("<b>Борис</b> — вес 1");
    await lead.tapButton(/^Борис/);
    await lead.tapButton("0.5");
    expect(member(200).weight).toBe(0.5);
    expect(lead.lastText()).toContain("вес 0.5");
    await lead.tapButton("Другой вес");
    await lead.send("5");
    expect(lead.lastText()).toContain("от 0,1 до 3");
    await lead.send("0,75");
    expect(member(200).weight).toBe(0.75);
    await lead.tapButton("Исключить из распределения");
    expect(member(200).excluded).toBe(true);
    expect(lead.toasts().at(-1)).toContain("Борис больше не получает клиентов");

    seedClients(h.db, 1, [{ name: "Ничей 1", ownerId: null }, { name: "Ничей 2", ownerId: null }]);
    await lead.send("/distribute");
    expect(lead.lastText()).not.toMatch(/Борис\s+/);
    expect(lead.lastText()).toMatch(/Вера\s+/);

    await lead.send("/settings");
    await lead.tapButton("Менеджеры");
    await lead.tapButton(/Борис/);
    await lead.tapButton("Вернуть в распределение");
    expect(member(200).excluded).toBe(false);
  });

  it("ignores forged buttons", async () => {
    await lead.send("/settings");
    const other = await h.createTeam(500, "Другая");
    const otherManager = await h.join(600, "manager", {}, 2);
    const foreign = memberIdOf(h.db, otherManager.id);
    const before = h.db.select().from(members).all();
    for (const data of [`set:w:${foreign}:0`, `set:x:${foreign}`, `set:m:${foreign}`, "set:w:2:9", "set:wd:8", "set:f:nope", "set:x:abc", `set:x:${memberIdOf(h.db, 100)}`]) {
      await lead.tap(data);
    }
    expect(lead.toasts().filter((t) => t.includes("устарела"))).toHaveLength(8);
    expect(h.db.select().from(members).all()).toEqual(before);
    expect(other.id).toBe(500);
  });
});
