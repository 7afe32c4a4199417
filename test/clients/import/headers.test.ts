import { describe, expect, it } from "vitest";
import { normaliseHeader, planColumns } from "../../../src/clients/import/header-synonyms.js";
import { csv, parseFail, parseOk } from "./helpers.js";

describe("CRM exports", () => {
  it("reads an amoCRM contacts export", async () => {
    const r = await parseOk(
      csv(
        "ID;Полное имя;Компания;Ответственный;Рабочий телефон;Мобильный телефон;Рабочий email;Личный email;Должность;Теги;Примечание 1;Примечание 2;Дата создания",
        "1001;Иванов Иван;ООО Ромашка;Борис Петров;+7 495 123-45-67;8 916 123-45-67;ivan@romashka.ru;ivan@mail.ru;Директор;vip;Любит чай;Дочь Маша;01.02.2024",
      ),
    );
    expect(r.rows[0]).toMatchObject({
      externalId: "1001",
      name: "Иванов Иван",
      company: "ООО Ромашка",
      owner: "Борис Петров",
      phones: ["+74951234567", "+79161234567"],
      email: "ivan@romashka.ru",
      notes: "Любит чай\nДочь Маша",
    });
    expect(r.columns).toMatchObject({
      name: "Полное имя",
      phones: "Рабочий телефон, Мобильный телефон",
      email: "Рабочий email, Личный email",
      notes: "Примечание 1, Примечание 2",
    });
  });

  it("reads an amoCRM leads export with «(контакт)» suffixes and stage names", async () => {
    const r = await parseOk(
      csv(
        "ID;Название сделки;Бюджет;Ответственный;Этап сделки;Полное имя контакта;Компания контакта;Рабочий телефон (контакт);Рабочий email (контакт)",
        "5001;Поставка бумаги;150000;Анна;Переговоры;Сидоров Пётр;АО Бумага;89161112233;PETR@BUMAGA.RU",
        "5002;Картриджи;9000;Анна;Закрыто и не реализовано;Смирнова Ольга;;89161112244;",
      ),
    );
    expect(r.columns.name).toBe("Полное имя контакта");
    expect(r.columns.company).toBe("Компания контакта");
    expect(r.columns.temperature).toBe("Этап сделки");
    expect(r.rows[0]).toMatchObject({ name: "Сидоров Пётр", company: "АО Бумага", temperature: "hot", email: "petr@bumaga.ru", phones: ["+79161112233"] });
    expect(r.rows[1]!.temperature).toBe("cold");
  });

  it("reads a Bitrix24 contacts export with split first/middle/last names", async () => {
    const r = await parseOk(
      csv(
        "ID;Обращение;Имя;Отчество;Фамилия;Должность;Компания;Рабочий телефон;Мобильный телефон;Рабочий e-mail;Частный e-mail;Ответственный;Комментарий",
        "77;г-н;Иван;Сергеевич;Петров;Закупщик;ООО Ромашка;+7 (495) 111-22-33;;IVAN@ROMASHKA.RU;;Мария Ким;Перезвонить осенью",
        "78;г-жа;Ольга;;Смирнова;;;;8-916-000-11-22;;olga@mail.ru;Мария Ким;",
      ),
    );
    expect(r.columns.name).toBe("Имя, Отчество, Фамилия");
    expect(r.rows[0]).toMatchObject({ name: "Иван Сергеевич Петров", externalId: "77", phones: ["+74951112233"], email: "ivan@romashka.ru", owner: "Мария Ким", notes: "Перезвонить осенью" });
    expect(r.rows[1]).toMatchObject({ name: "Ольга Смирнова", phones: ["+79160001122"], email: "olga@mail.ru" });
  });

  it("reads a Bitrix24 deals export (Контакт + Стадия сделки)", async () => {
    const r = await parseOk(
      csv("ID;Название сделки;Стадия сделки;Сумма;Контакт;Компания;Ответственный", "9;Окна;Подготовка документов;1000;Кузнецов Олег;ИП Кузнецов;Пётр"),
    );
    expect(r.rows[0]).toMatchObject({ name: "Кузнецов Олег", company: "ИП Кузнецов", temperature: "hot", owner: "Пётр" });
  });

  it("reads a Kommo (English) export", async () => {
    const r = await parseOk(
      csv(
        "ID,Full name,Company,Responsible user,Work phone,Mobile phone,Work email,Note 1,Next contact",
        "42,John Smith,Acme,@boris,+1 212 555 0100,,john@acme.com,Prefers email,2026-07-01",
      ),
    );
    expect(r.rows[0]).toMatchObject({
      externalId: "42",
      name: "John Smith",
      company: "Acme",
      owner: "@boris",
      phones: ["+12125550100"],
      email: "john@acme.com",
      notes: "Prefers email",
      nextContactOn: "2026-07-01",
    });
  });
});

describe("header matching", () => {
  it("ignores case, spaces, punctuation and ё/е", () => {
    expect(normaliseHeader("  Ф.И.О. ")).toBe("фио");
    expect(normaliseHeader("E-MAIL")).toBe(normaliseHeader("Email"));
    expect(normaliseHeader("Договорённости")).toBe(normaliseHeader("договоренности"));
    const plan = planColumns(["  ф.и.о. ", "E-MAIL", "ДАТА-СЛЕДУЮЩЕГО-КОНТАКТА", "Договоренности", "тЕмПеРаТуРа"]);
    expect(plan.name).toEqual([0]);
    expect(plan.emails).toEqual([1]);
    expect(plan.nextContactOn).toBe(2);
    expect(plan.commitments).toEqual([{ index: 3, kind: "promise" }]);
    expect(plan.temperature).toBe(4);
  });

  it.each([
    ["ФИО"], ["Имя"], ["Контакт"], ["Название"], ["Полное имя"], ["Клиент"], ["Name"], ["Full name"], ["Contact"], ["Contact name"],
  ])("accepts «%s» as the name column", (header) => {
    expect(planColumns(["Телефон", header]).name).toEqual([1]);
  });

  it.each([
    ["Компания", "company"], ["Название компании", "company"], ["Организация", "company"], ["Company", "company"],
    ["Эл. почта", "email"], ["Рабочий email", "email"], ["E-mail", "email"],
    ["Внешний ID", "externalId"], ["CRM ID", "externalId"], ["Код", "externalId"],
    ["Менеджер", "owner"], ["Owner", "owner"], ["Responsible", "owner"], ["Manager", "owner"],
    ["Этап", "temperature"], ["Статус", "temperature"], ["Stage", "temperature"], ["Status", "temperature"],
    ["Дата последнего контакта", "lastContactOn"], ["Последний контакт", "lastContactOn"],
    ["Дата следующего контакта", "nextContactOn"], ["Следующий контакт", "nextContactOn"], ["Next contact", "nextContactOn"],
    ["Комментарий", "notes"], ["Заметки", "notes"], ["Notes", "notes"], ["Comment", "notes"],
  ])("maps «%s» to %s", (header, field) => {
    const plan = planColumns(["ФИО", header]);
    expect(plan.columns[field]).toBe(header);
  });

  it.each([
    ["Обещания", "promise"], ["Договорённости", "promise"], ["Commitments", "promise"], ["Promises", "promise"],
    ["Долги по документам", "document"], ["Documents owed", "document"],
    ["Сроки", "deadline"], ["Deadlines", "deadline"],
  ])("takes the commitment kind of «%s» from the column: %s", (header, kind) => {
    expect(planColumns(["ФИО", header]).commitments).toEqual([{ index: 1, kind }]);
  });

  it.each([["Телефон"], ["Рабочий телефон"], ["Мобильный телефон"], ["Домашний телефон"], ["Phone"], ["Work phone"], ["Mobile"], ["Телефон для рассылок"]])(
    "collects «%s» as a phone column",
    (header) => {
      expect(planColumns(["ФИО", header]).phones).toEqual([1]);
    },
  );

  it("does not take a fax column for a phone", () => {
    expect(planColumns(["ФИО", "Номер факса", "Fax"]).phones).toEqual([]);
  });

  it("uses «Название» as the company when a person column exists", async () => {
    const r = await parseOk(csv("Название;ФИО;Телефон", "ООО Ромашка;Иванов Иван;89161234567"));
    expect(r.rows[0]).toMatchObject({ name: "Иванов Иван", company: "ООО Ромашка" });
    expect(r.columns).toMatchObject({ name: "ФИО", company: "Название" });
  });

  it("uses «Название» as the name when there is no person column", async () => {
    const r = await parseOk(csv("Название;Телефон", "ООО Ромашка;89161234567"));
    expect(r.rows[0]).toMatchObject({ name: "ООО Ромашка", company: null });
  });

  it("keeps «Компания» as the company when «Название», «Контакт» and «Компания» all exist", () => {
    const plan = planColumns(["Название", "Контакт", "Компания"]);
    expect(plan.name).toEqual([1]);
    expect(plan.company).toBe(2);
  });

  it("prefers «Температура» to «Статус» for temperature", () => {
    expect(planColumns(["Статус", "ФИО", "Температура"]).temperature).toBe(2);
  });

  it("refuses a file with no name column, listing the headers it saw", async () => {
    const r = await parseFail(csv("Телефон;Почта;Город", "89161234567;a@b.ru;Москва"));
    expect(r).toEqual({ ok: false, error: "no_name_column", headersSeen: ["Телефон", "Почта", "Город"], needed: ["name"] });
  });

  it("finds the header below title rows and keeps Excel row numbers", async () => {
    const r = await parseOk(csv("Выгрузка из CRM", "Дата: 01.06.2026", "", "ФИО;Телефон", "Иванов Иван;89161234567"));
    expect(r.headersSeen).toEqual(["ФИО", "Телефон"]);
    expect(r.rows[0]!.rowNumber).toBe(5);
  });

  it("gives up looking for a header after ten rows", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `строка ${i}`);
    const r = await parseFail(csv(...lines, "ФИО", "Иван"));
    expect(r.error).toBe("no_name_column");
    expect(r.headersSeen).toEqual(["строка 0"]);
  });
});
