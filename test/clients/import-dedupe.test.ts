// Issue 13 §6: an import never makes two clients of one, nor a new person of a typo.
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clients, members } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { clientNamed, csv, dbCounts } from "./import-fixtures.js";

let h: Harness;
let lead: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  await h.join(400, "manager", { first_name: "Анна", last_name: "Кузнецова" });
  await h.join(500, "manager", { first_name: "Мария", last_name: "Иванова" });
});
afterEach(() => h.close());

describe("one client, one row", () => {
  it("merges rows of one file with the same phone or e-mail whatever alphabet the name is in, and says why", async () => {
    await lead.sendDocument("two-spellings.csv", csv(["ФИО;Телефон;Email", "Иванов;+79161234567;a@b.ru", "Ivanov;8 916 123-45-67;A@B.RU"]));
    const preview = lead.lastText();
    expect(preview).toContain("новых клиентов: 1");
    expect(preview).toContain("строка 3: повтор строки 2 (тот же email a@b.ru) — объединил");
    await lead.tapButton("Загрузить");
    const all = h.db.select().from(clients).all();
    expect(all.map((c) => [c.name, c.phones, c.email])).toEqual([["Иванов", ["+79161234567"], "a@b.ru"]]);
  });

  it("still keeps different people at one switchboard apart", async () => {
    await lead.sendDocument("office.csv", csv(["ФИО;Телефон", "Иванов Иван;+74951234567", "Петрова Мария;+74951234567"]));
    expect(lead.lastText()).toContain("новых клиентов: 2");
  });

  it("finds the client already in the base under another spelling instead of adding or renaming one", async () => {
    await lead.sendDocument("first.csv", csv(["ФИО;Телефон", "Иванов Иван;+79161234567"]));
    await lead.tapButton("Загрузить");
    await lead.sendDocument("second.csv", csv(["ФИО;Телефон;Email", "IVANOV IVAN;8 916 123 45 67;ivan@mail.ru"]));
    const preview = lead.lastText();
    expect(preview).toContain("новых клиентов: 0");
    expect(preview).toContain("обновится существующих: 1");
    expect(preview).toContain("строка 2: это клиент «Иванов Иван» — тот же телефон +79161234567");
    await lead.tapButton("Загрузить");
    const all = h.db.select().from(clients).all();
    expect(all.map((c) => [c.name, c.email])).toEqual([["Иванов Иван", "ivan@mail.ru"]]);
  });
});

describe("owners across alphabets, word order and case", () => {
  it("reads Anna Kuznetsova, Кузнецова Анна, АННА КУЗНЕЦОВА and the GOST Kuznecova Anna as one member", async () => {
    const before = dbCounts(h.db);
    await lead.sendDocument(
      "owners.csv",
      csv([
        "ФИО;Телефон;Ответственный",
        "Клиент 1;+79160000001;Anna Kuznetsova",
        "Клиент 2;+79160000002;Кузнецова Анна",
        "Клиент 3;+79160000003;АННА КУЗНЕЦОВА",
        "Клиент 4;+79160000004;Kuznecova Anna",
      ]),
    );
    const preview = lead.lastText();
    expect(preview).toContain("Анна Кузнецова — 4");
    expect(preview).not.toContain("нет в команде");
    await lead.tapButton("Загрузить");
    const anna = memberIdOf(h.db, 400);
    expect(h.db.select({ owner: clients.ownerId }).from(clients).all().map((c) => c.owner)).toEqual([anna, anna, anna, anna]);
    expect(dbCounts(h.db).members).toBe(before.members);
  });

  it("asks 'did you mean' about a near miss and, unanswered, makes nobody new: the client waits in the pool", async () => {
    const before = dbCounts(h.db);
    await lead.sendDocument("typo.csv", csv(["ФИО;Телефон;Ответственный", "Олег Ким;+79160000001;Мария Иваноа", "Ольга Ли;+79160000002;Мария Иваноа"]));
    const preview = lead.lastText();
    expect(preview).toContain("«Мария Иваноа» — может быть, Мария Иванова? Строки 2, 3");
    expect(preview).not.toContain("добавлю по имени");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Да, это Мария Иванова", "➕ «Мария Иваноа» — новый человек", "✅ Загрузить", "✖️ Отмена"]);
    await lead.tapButton("✅ Загрузить");
    expect(dbCounts(h.db).members).toBe(before.members);
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBeNull();
  });

  it("gives the rows to the member when the lead says it is them", async () => {
    await lead.sendDocument("typo.csv", csv(["ФИО;Телефон;Ответственный", "Олег Ким;+79160000001;Мария Иваноа"]));
    await lead.tapButton("Да, это Мария Иванова");
    expect(lead.lastText()).toContain("«Мария Иваноа» — это Мария Иванова (строк: 1)");
    // The question is answered: its buttons are gone from the preview, the import buttons stay.
    const preview = lead.messages().find((m) => m.text.includes("typo.csv"))!;
    expect(preview.buttons.flat().map((b) => b.text)).toEqual(["✅ Загрузить", "✖️ Отмена"]);
    await lead.tapButton("✅ Загрузить");
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(memberIdOf(h.db, 500));
  });

  it("adds a new person by name only when the lead says so", async () => {
    const before = dbCounts(h.db);
    await lead.sendDocument("typo.csv", csv(["ФИО;Телефон;Ответственный", "Олег Ким;+79160000001;Мария Иваноа"]));
    await lead.tapButton("новый человек");
    await lead.tapButton("✅ Загрузить");
    expect(dbCounts(h.db).members).toBe(before.members + 1);
    const added = h.db.select().from(members).where(eq(members.name, "Мария Иваноа")).get()!;
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(added.id);
  });
});

describe("a name-only owner joining later", () => {
  it("is recognised across alphabets: «Petr Novikov» in the file is Пётр Новиков who opens the invite", async () => {
    await lead.sendDocument("latin.csv", csv(["ФИО;Телефон;Ответственный", "Олег Ким;+79160000001;Petr Novikov"]));
    await lead.tapButton("✅ Загрузить");
    const nameOnly = h.db.select().from(members).where(eq(members.name, "Petr Novikov")).get()!;
    await h.join(600, "manager", { first_name: "Пётр", last_name: "Новиков" });
    expect(memberIdOf(h.db, 600)).toBe(nameOnly.id);
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(nameOnly.id);
  });
});

describe("encodings and dates", () => {
  it("decodes a Windows-1251 file behind a UTF-8 byte-order mark instead of calling it binary", async () => {
    const body = iconv.encode("ФИО;Телефон;Примечание\r\nСергей Орлов;+79160000001;звонить после обеда\r\n", "win1251");
    await lead.sendDocument("bom-1251.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    const preview = lead.lastText();
    expect(preview).not.toContain("двоичные");
    expect(preview).toContain("новых клиентов: 1");
    await lead.tapButton("Загрузить");
    expect(clientNamed(h.db, "Сергей Орлов").notes).toBe("звонить после обеда");
  });

  it("flags dates before 1990 or more than ten years ahead like other invalid dates", async () => {
    await lead.sendDocument(
      "dates.csv",
      csv([
        "ФИО;Телефон;Дата последнего контакта;Дата следующего контакта",
        "Клиент 1;+79160000001;12.03.1985;",
        "Клиент 2;+79160000002;;01.02.2040",
        "Клиент 3;+79160000003;01.11.2026;01.02.2036",
      ]),
    );
    const preview = lead.lastText();
    expect(preview).toContain("строка 2: дата «12.03.1985» не существует или не читается — поле пропущено");
    expect(preview).toContain("строка 3: дата «01.02.2040» не существует или не читается — поле пропущено");
    expect(preview).not.toContain("строка 4: дата");
    await lead.tapButton("Загрузить");
    expect(clientNamed(h.db, "Клиент 1").lastContactOn).toBeNull();
    expect(clientNamed(h.db, "Клиент 2").nextContactOn).toBeNull();
    expect(clientNamed(h.db, "Клиент 3").nextContactOn).toBe("2036-02-01");
  });
});
