// Issue 13 §4: commitments hidden in a CRM file's notes are found, shown, and written only if the lead keeps them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitments } from "../../src/db/schema.js";
import { forgetRecentImports } from "../../src/clients/import-batches.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { clientNamed, csv } from "./import-fixtures.js";

let h: Harness;
let lead: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

// As amoCRM exports it: Windows-1251, «;», the notes column «Примечание».
const amo = () =>
  csv(
    [
      "ID;Полное имя контакта;Рабочий телефон;Ответственный;Примечание",
      "101;Иван Петров;+7 916 123-45-67;Борис;Нет — договор до 30.11",
      "102;Мария Сидорова;+7 916 123-45-68;Борис;\"Ждёт документы; паспорт\"",
      "103;Олег Ким;+7 916 123-45-69;Борис;звонить после обеда",
    ],
    { encoding: "cp1251" },
  );
const stored = () => h.db.select().from(commitments).all().map((c) => [c.clientId, c.kind, c.text, c.dueOn]);

describe("commitments found in the notes", () => {
  it("are listed in the preview and not written without the lead's word", async () => {
    await lead.sendDocument("amocrm.csv", amo());
    expect(lead.lastText()).toContain("найдено в примечаниях: 3");
    await lead.tapButton("✅ Загрузить");
    expect(lead.lastText()).toContain("Обещаний и сроков добавлено: 0");
    expect(stored()).toEqual([]);
    expect(clientNamed(h.db, "Иван Петров").notes).toBe("Нет — договор до 30.11");
  });

  it("are all kept with one tap, each with its kind and due date", async () => {
    await lead.sendDocument("amocrm.csv", amo());
    await lead.tapButton("Взять из примечаний все");
    expect(lead.toasts()).toContain("Возьму все: 3");
    const list = lead.lastText();
    expect(list).toContain("Найдено в примечаниях: 3");
    expect(list).toContain("☑️ 1. строка 2, Иван Петров — ⏰ срок: договор — до 30.11");
    expect(list).toContain("☑️ 2. строка 3, Мария Сидорова — 📄 документ: Ждёт документы");
    expect(list).toContain("☑️ 3. строка 3, Мария Сидорова — 📄 документ: паспорт");
    expect(list).toContain("Отмечено: 3 из 3");
    expect(stored()).toEqual([]); // still nothing before the import itself
    forgetRecentImports(h.db); // the choice lives in the database, not in this process
    h.restart();
    await lead.tapButton("✅ Загрузить");
    expect(lead.lastText()).toContain("Обещаний и сроков добавлено: 3");
    const ivan = clientNamed(h.db, "Иван Петров").id;
    const maria = clientNamed(h.db, "Мария Сидорова").id;
    expect(stored()).toEqual([
      [ivan, "deadline", "договор", "2026-11-30"],
      [maria, "document", "Ждёт документы", null],
      [maria, "document", "паспорт", null],
    ]);
  });

  it("can be picked one by one from the list", async () => {
    await lead.sendDocument("amocrm.csv", amo());
    await lead.tapButton("Посмотреть найденное");
    expect(lead.lastText()).toContain("☐ 1. строка 2, Иван Петров");
    expect(lead.lastText()).toContain("Отмечено: 0 из 3");
    await lead.tapButton("☐ 1");
    await lead.tapButton("☐ 3");
    await lead.tapButton("☑️ 3");
    expect(lead.lastText()).toContain("☑️ 1. строка 2");
    expect(lead.lastText()).toContain("☐ 3. строка 3");
    expect(lead.lastText()).toContain("Отмечено: 1 из 3");
    await lead.tapButton("✅ Загрузить");
    expect(stored()).toEqual([[clientNamed(h.db, "Иван Петров").id, "deadline", "договор", "2026-11-30"]]);
  });

  it("can be dropped again with «Ничего»", async () => {
    await lead.sendDocument("amocrm.csv", amo());
    await lead.tapButton("Взять из примечаний все");
    await lead.tapButton("Ничего");
    expect(lead.lastText()).toContain("Отмечено: 0 из 3");
    await lead.tapButton("✅ Загрузить");
    expect(stored()).toEqual([]);
  });
});

describe("many commitments in the notes", () => {
  it("lists the first twenty in one message that Telegram accepts, and still takes all of them", async () => {
    const long = "ж".repeat(400);
    const lines = ["ФИО;Телефон;Примечание"];
    for (let i = 0; i < 25; i++) lines.push(`${"Клиент с очень длинным именем".repeat(3)} ${i};+7916000${String(1000 + i)};прислать договор и ${long} до 30.12.2026`);
    await lead.sendDocument("many.csv", csv(lines));
    expect(lead.lastText()).toContain("найдено в примечаниях: 25");
    await lead.tapButton("Взять из примечаний все");
    const list = lead.lastText();
    expect(list.length).toBeLessThanOrEqual(4096);
    expect(list).toContain("20. строка 21");
    expect(list).toContain("…и ещё 5");
    expect(list).toContain("Отмечено: 25 из 25");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Все", "✖️ Ничего"]);
    await lead.tapButton("✅ Загрузить");
    expect(stored()).toHaveLength(25);
  });
});
