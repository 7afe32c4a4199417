// An owner cell missing a first or last name, or written by ear in the other alphabet, is asked about in the
// preview like a typo: never a name-only member by accident (README: "Owners across alphabets").
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { clientNamed, csv } from "./import-fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const memberNames = () => h.db.select({ name: members.name }).from(members).all().map((m) => m.name).sort();
const buttonTexts = (p: { last(): { buttons: { text: string }[][] } | undefined }) => p.last()!.buttons.flat().map((b) => b.text);

describe("owner names that differ by a first or last name", () => {
  it("Telegram has only «Борис», the file says «Борис Семёнов»: asked, and unanswered nobody new", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await h.join(200, "manager", { first_name: "Борис" });
    await lead.sendDocument("amo.csv", csv(["ФИО;Телефон;Ответственный", "Иван Петров;+79161110001;Борис Семёнов"], { encoding: "cp1251" }));
    const preview = lead.lastText();
    expect(preview).not.toContain("добавлю по имени");
    expect(preview).toContain("«Борис Семёнов» — может быть, Борис? Строки 2");
    expect(buttonTexts(lead)).toContain("✅ Да, это Борис");
    await lead.tapButton("✅ Загрузить");
    expect(memberNames()).toEqual(["Анна", "Борис"]);
    expect(clientNamed(h.db, "Иван Петров").ownerId).toBeNull();
  });

  it("the team has «Борис Семёнов», the file says «Борис» and «Семёнов»: two questions; answered, the rows are his", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await h.join(200, "manager", { first_name: "Борис", last_name: "Семёнов" });
    await lead.sendDocument("sheet.csv", csv(["ФИО;Телефон;Ответственный", "Иван Петров;+79161110001;Борис", "Олег Ким;+79161110002;Семёнов"]));
    const preview = lead.lastText();
    expect(preview).not.toContain("добавлю по имени");
    expect(preview).toContain("«Борис» — может быть, Борис Семёнов? Строки 2");
    expect(preview).toContain("«Семёнов» — может быть, Борис Семёнов? Строки 3");
    await lead.tapButton("✅ Да, это Борис Семёнов");
    await lead.tapButton("✅ Да, это Борис Семёнов");
    await lead.tapButton("✅ Загрузить");
    expect(memberNames()).toEqual(["Анна", "Борис Семёнов"]);
    expect(clientNamed(h.db, "Иван Петров").ownerId).toBe(memberIdOf(h.db, 200));
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(memberIdOf(h.db, 200));
  });

  it("an exact name stays automatic even when a longer one is in the team", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await h.join(200, "manager", { first_name: "Борис" });
    await h.join(300, "manager", { first_name: "Борис", last_name: "Семёнов" });
    await lead.sendDocument("sheet.csv", csv(["ФИО;Телефон;Ответственный", "Иван Петров;+79161110001;Борис Семёнов", "Олег Ким;+79161110002;Борис"]));
    expect(lead.lastText()).not.toContain("может быть");
    await lead.tapButton("✅ Загрузить");
    expect(clientNamed(h.db, "Иван Петров").ownerId).toBe(memberIdOf(h.db, 300));
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(memberIdOf(h.db, 200));
  });
});

describe("owner names written by ear in the other alphabet", () => {
  it("«Джон Смит» is asked about as the lead 'John Smith' and, confirmed, is the lead", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "John", last_name: "Smith" });
    await lead.sendDocument("amo.csv", csv(["ФИО;Телефон;Ответственный", "Иван Петров;+79161110001;Джон Смит"], { encoding: "cp1251" }));
    const preview = lead.lastText();
    expect(preview).not.toContain("добавлю по имени");
    expect(preview).toContain("«Джон Смит» — может быть, John Smith?");
    await lead.tapButton("✅ Да, это John Smith");
    await lead.tapButton("✅ Загрузить");
    expect(memberNames()).toEqual(["John Smith"]);
    expect(clientNamed(h.db, "Иван Петров").ownerId).toBe(memberIdOf(h.db, 100));
  });

  it("says so in English too", async () => {
    const lead = await h.createTeam(100, "Sales", { first_name: "Boris", language_code: "en" });
    await lead.sendDocument("crm.csv", csv(["Name;Phone;Owner", "Ivan Petrov;+79161110001;Борис Семёнов"]));
    const preview = lead.lastText();
    expect(preview).toContain("“Борис Семёнов” — did you mean Boris?");
    expect(preview).not.toContain("I will add them by name");
  });
});
