import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientEvents, clients, commitments, members } from "../../src/db/schema.js";
import { forgetRecentImports } from "../../src/clients/import-batches.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { batchStatuses, clientNamed, csv, dbCounts, xlsx } from "./import-fixtures.js";

let h: Harness;
let lead: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  await h.join(200, "manager", { first_name: "Борис", last_name: "Семёнов", username: "boris_s" });
  await h.join(300, "manager", { first_name: "Вера" });
});
afterEach(() => h.close());

const crmExport = [
  "ID;ФИО;Компания;Рабочий телефон;Email;Ответственный;Этап;Дата следующего контакта;Примечание;Обещания",
  "101;Иван Петров;ООО «Ромашка» & Co;+7 916 123-45-67;ivan@romashka.ru;Борис Семенов;горячий;25.11.2026;Просил счёт <срочно>;договор до 30.11.2026",
  "102;Мария Сидорова;ИП Сидорова;8 (916) 123-45-68;;@boris_s;холодный;;;",
  "103;Олег Ким;;+7 916 123-45-69;oleg@kim.ru;Вера;тёплый;01.12.2026;;",
  "104;Анна Лебедева;Лебедев и партнёры;+7 916 123-45-70;;Пётр Новиков;горячий;;;",
  "105;Сергей Орлов;;+7 916 123-45-71;;Пётр Новиков;тёплый;;;",
];

describe("importing a CRM export", () => {
  it("shows a preview first, writes nothing, then imports everything in one go on the tap", async () => {
    const before = dbCounts(h.db);
    await lead.sendDocument("amo-export.csv", csv(crmExport, { encoding: "cp1251" }));
    const preview = lead.lastText();
    expect(preview).toContain("amo-export.csv");
    expect(preview).toContain("строк с данными — 5");
    expect(preview).toContain("новых клиентов: 5");
    expect(preview).toContain("Борис Семёнов — 2");
    expect(preview).toContain("Вера — 1");
    expect(preview).toContain("Пётр Новиков — 2 (нет в команде, добавлю по имени)");
    expect(preview).toContain("🔥 горячих 2 · 🌤 тёплых 2 · ❄️ холодных 1");
    expect(preview).toContain("«Пётр Новиков» — строки 5, 6");
    expect(preview).toContain("обещаний, документов и сроков: 1");
    // «Просил счёт» in the notes is offered, not taken.
    expect(preview).toContain("найдено в примечаниях: 1");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["📝 Взять из примечаний все (1)", "👀 Посмотреть найденное", "✅ Загрузить", "✖️ Отмена"]);
    // Nothing is written before the tap (the batch itself waits in import_batches).
    expect(dbCounts(h.db)).toEqual(before);
    expect(batchStatuses(h.db)).toEqual(["previewed"]);

    await lead.tapButton("Загрузить");
    expect(lead.lastText()).toContain("Новых клиентов: 5");
    expect(lead.lastText()).toContain("Добавлены в команду по имени: Пётр Новиков");
    expect(lead.toasts()).toContain("Загружено");
    // The preview's buttons are gone.
    expect(lead.messages().find((m) => m.text.includes("amo-export.csv"))!.buttons).toEqual([]);

    const boris = memberIdOf(h.db, 200);
    const ivan = clientNamed(h.db, "Иван Петров");
    expect(ivan).toMatchObject({
      externalId: "101",
      company: "ООО «Ромашка» & Co",
      phones: ["+79161234567"],
      primaryPhone: "+79161234567",
      email: "ivan@romashka.ru",
      ownerId: boris,
      temperature: "hot",
      nextContactOn: "2026-11-25",
      notes: "Просил счёт <срочно>",
      unassignedSince: null,
    });
    expect(clientNamed(h.db, "Мария Сидорова").ownerId).toBe(boris);
    expect(clientNamed(h.db, "Олег Ким").ownerId).toBe(memberIdOf(h.db, 300));
    const petr = h.db.select().from(members).where(eq(members.name, "Пётр Новиков")).all();
    expect(petr).toHaveLength(1);
    expect(petr[0]).toMatchObject({ telegramId: null, role: "manager", status: "active" });
    expect(clientNamed(h.db, "Анна Лебедева").ownerId).toBe(petr[0]!.id);
    expect(h.db.select().from(commitments).all()).toMatchObject([{ clientId: ivan.id, ownerId: boris, kind: "promise", text: "договор", dueOn: "2026-11-30", status: "open" }]);
    expect(h.db.select().from(clientEvents).where(eq(clientEvents.kind, "imported")).all()).toHaveLength(5);
    expect(batchStatuses(h.db)).toEqual(["applied"]);
    expect(h.errors()).toEqual([]);
  });

  it("updates instead of duplicating when the same file comes again, and says what changed", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    await lead.tapButton("Загрузить");
    const afterFirst = dbCounts(h.db);

    await lead.sendDocument("export.csv", csv(crmExport));
    expect(lead.lastText()).toContain("новых клиентов: 0");
    expect(lead.lastText()).toContain("уже есть, без изменений: 5");
    expect(lead.lastText()).toContain("Новых или изменившихся клиентов нет. Можно взять найденное в примечаниях");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["📝 Взять из примечаний все (1)", "👀 Посмотреть найденное", "✅ Загрузить", "✖️ Отмена"]);

    // A changed file: Ivan is cold now and Oleg has a new phone; the CRM ids still match.
    const changed = [...crmExport];
    changed[1] = changed[1]!.replace(";горячий;", ";холодный;");
    changed[3] = "103;Олег Ким;;+7 916 999-99-99;oleg@kim.ru;Вера;тёплый;01.12.2026;;";
    await lead.sendDocument("export-2.csv", csv(changed));
    expect(lead.lastText()).toContain("обновится существующих: 2");
    await lead.tapButton("Загрузить");
    expect(dbCounts(h.db).clients).toBe(afterFirst.clients);
    expect(dbCounts(h.db).members).toBe(afterFirst.members);
    expect(clientNamed(h.db, "Иван Петров").temperature).toBe("cold");
    expect(clientNamed(h.db, "Олег Ким").phones).toEqual(["+79161234569", "+79169999999"]);
    expect(h.db.select().from(commitments).all()).toHaveLength(1);
  });

  it("reads XLSX with real dates and Excel serial dates", async () => {
    const file = await xlsx([
      ["Имя", "Мобильный телефон", "Ответственный", "Статус", "Следующий контакт"],
      ["Ирина Гусева", "+79161110000", "Вера", "тёплый", new Date(Date.UTC(2026, 11, 3))],
      ["Павел Дроздов", "89161110001", "", "hot", 46360],
    ]);
    await lead.sendDocument("clients.xlsx", file);
    expect(lead.lastText()).toContain("новых клиентов: 2");
    expect(lead.lastText()).toContain("без ответственного — 1");
    await lead.tapButton("Загрузить");
    expect(clientNamed(h.db, "Ирина Гусева")).toMatchObject({ nextContactOn: "2026-12-03", ownerId: memberIdOf(h.db, 300) });
    // Excel serial 46360 is 2026-12-04; no owner in the row: the unassigned pool.
    expect(clientNamed(h.db, "Павел Дроздов")).toMatchObject({ nextContactOn: "2026-12-04", ownerId: null, temperature: "hot" });
    expect(clientNamed(h.db, "Павел Дроздов").unassignedSince).toBe(h.clock.now().getTime());
  });

  it("names the problem rows and offers to import only the valid ones", async () => {
    const file = csv([
      "ФИО;Телефон;Ответственный;Дата следующего контакта",
      "Иван Петров;+79161234567;Вера;31.02.2026",
      ";+79161234568;Вера;",
      "Иван Петров;+79161234567;Вера;",
      "Олег Ким;не помню;Вера;",
      "Анна;+79161234570;123456789;",
    ]);
    const before = dbCounts(h.db);
    await lead.sendDocument("dirty.csv", file);
    const text = lead.lastText();
    expect(text).toContain("строка 3: нет имени клиента — строка не загрузится");
    expect(text).toContain("строка 6: ответственный с Telegram ID 123456789 не найден в команде — строка не загрузится");
    expect(text).toContain("строка 2: дата «31.02.2026» не существует или не читается — поле пропущено");
    expect(text).toContain("строка 4: повтор строки 2 (тот же телефон +79161234567) — объединил");
    expect(text).toContain("строка 5: телефон «не помню» не распознан — пропущен");
    expect(text).toContain("строк не загрузится: 2");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Загрузить только корректные", "✖️ Отмена"]);
    expect(dbCounts(h.db)).toEqual(before);

    // "Import all" forged on this preview is refused: the file has errors, nothing is written.
    const batchData = lead.last()!.buttons.flat()[0]!.data!.replace("imp:valid:", "imp:go:");
    await lead.tap(batchData);
    expect(lead.lastText()).toContain("строки с ошибками (2)");
    expect(dbCounts(h.db)).toEqual(before);

    await lead.tapButton("Загрузить только корректные");
    expect(lead.lastText()).toContain("Новых клиентов: 2");
    expect(h.db.select({ name: clients.name }).from(clients).all().map((c) => c.name)).toEqual(["Иван Петров", "Олег Ким"]);
    expect(clientNamed(h.db, "Иван Петров").nextContactOn).toBeNull();
  });

  it("does nothing on Cancel, and a later tap on the old preview changes nothing", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    const preview = lead.last()!;
    const before = dbCounts(h.db);
    await lead.tapButton("Отмена");
    expect(lead.lastText()).toContain("Отменено, ничего не загружено");
    await lead.tap(preview.buttons.flat()[0]!.data!, { messageId: preview.messageId });
    expect(lead.toasts().at(-1)).toContain("отменён");
    expect(dbCounts(h.db)).toEqual(before);
    expect(batchStatuses(h.db)).toEqual(["cancelled"]);
  });

  it("applies a batch once, however many times the button is tapped", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    const preview = lead.last()!;
    const data = preview.buttons.flat().find((b) => b.text === "✅ Загрузить")!.data!;
    await lead.tap(data, { messageId: preview.messageId });
    await lead.tap(data, { messageId: preview.messageId });
    await lead.tap(data, { messageId: preview.messageId });
    expect(dbCounts(h.db).clients).toBe(5);
    expect(lead.toasts().filter((t) => t.includes("уже загружен"))).toHaveLength(2);
  });

  it("keeps the buttons working after a restart of the bot", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    forgetRecentImports(h.db); // a new process remembers nothing: the batch comes from the database
    h.restart();
    await lead.tapButton("Загрузить");
    expect(lead.lastText()).toContain("Новых клиентов: 5");
    expect(dbCounts(h.db).clients).toBe(5);
  });

  it("re-plans when the base changed between the preview and the tap", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    // Meanwhile someone added Ivan by hand.
    await lead.send("/client");
    await lead.send("Иван Петров");
    await lead.send("+7 916 123-45-67");
    await lead.tapButton("Пропустить");
    await lead.tapButton("тёплый");
    await lead.tapButton("Вера");
    expect(dbCounts(h.db).clients).toBe(1);
    await lead.tapButton("Загрузить");
    expect(lead.lastText()).toContain("Новых клиентов: 4, обновлено: 1");
    expect(lead.lastText()).toContain("данные команды изменились");
    expect(dbCounts(h.db).clients).toBe(5);
    // The file names Boris as Ivan's owner: the hand-made client moves to him, Vera is remembered.
    expect(clientNamed(h.db, "Иван Петров")).toMatchObject({ ownerId: memberIdOf(h.db, 200), previousOwnerId: memberIdOf(h.db, 300) });
  });

  it("lets only the sender or a lead confirm; another manager's forged tap is refused", async () => {
    const boris = h.user(200);
    await boris.sendDocument("mine.csv", csv(["ФИО;Телефон", "Клиент Бориса;+79160000001"]));
    const data = boris.last()!.buttons.flat()[0]!.data!;
    const vera = h.user(300);
    await vera.tap(data, { messageId: boris.last()!.messageId, chatId: 200 });
    expect(vera.toasts()).toContain("Подтвердить импорт может только тот, кто прислал файл, или руководитель.");
    expect(dbCounts(h.db).clients).toBe(0);
    await boris.tapButton("Загрузить");
    expect(clientNamed(h.db, "Клиент Бориса").ownerId).toBe(memberIdOf(h.db, 200));
  });
});

describe("a manager's own file", () => {
  it("makes every client theirs and rejects rows naming someone else, with the reason", async () => {
    const boris = h.user(200);
    await boris.sendDocument(
      "my-clients.csv",
      csv(["ФИО;Телефон;Ответственный", "Свой клиент;+79160000001;", "Ещё свой;+79160000002;Борис Семёнов", "Чужой;+79160000003;Вера"]),
    );
    const text = boris.lastText();
    expect(text).toContain("строка 4: ответственный «Вера» — не вы; загрузить можно только своих клиентов");
    expect(text).toContain("Борис Семёнов — 2");
    await boris.tapButton("Загрузить только корректные");
    const mine = h.db.select().from(clients).all();
    expect(mine.map((c) => [c.name, c.ownerId])).toEqual([
      ["Свой клиент", memberIdOf(h.db, 200)],
      ["Ещё свой", memberIdOf(h.db, 200)],
    ]);
  });
});

describe("owners who are leaving", () => {
  it("sends their new clients to the unassigned pool and says so", async () => {
    h.db.update(members).set({ status: "departing" }).where(eq(members.telegramId, 300)).run();
    await lead.sendDocument("export.csv", csv(["ФИО;Телефон;Ответственный", "Клиент Веры;+79160000001;Вера"]));
    expect(lead.lastText()).toContain("Ответственные уходят или уже ушли");
    expect(lead.lastText()).toContain("Вера — строк: 1");
    await lead.tapButton("Загрузить");
    expect(clientNamed(h.db, "Клиент Веры")).toMatchObject({ ownerId: null, unassignedSince: h.clock.now().getTime() });
  });
});

describe("bad input", () => {
  it("explains an empty file", async () => {
    const before = dbCounts(h.db);
    await lead.sendDocument("empty.csv", Buffer.alloc(0));
    expect(lead.lastText()).toContain("Файл пустой");
    await lead.sendDocument("blank.csv", Buffer.from("\r\n\r\n   \r\n"));
    expect(lead.lastText()).toContain("Файл пустой");
    expect(dbCounts(h.db)).toEqual(before);
    expect(batchStatuses(h.db)).toEqual([]);
  });

  it("names a too-long value's column as the file does, in both languages", async () => {
    await lead.sendDocument("huge.csv", csv(["ФИО;Телефон;Комментарий", `Иван;+79160000001;${"Я".repeat(5000)}`, `${"Б".repeat(500)};+79160000002;`]));
    const preview = lead.lastText();
    expect(preview).toContain("строка 2: слишком длинное значение в столбце «Комментарий» — обрезал");
    expect(preview).toContain("строка 3: слишком длинное значение в столбце «ФИО» — обрезал");
    expect(preview).not.toMatch(/«(notes|name)»/);

    const ann = await h.createTeam(500, "Sales", { first_name: "Ann", language_code: "en" });
    await ann.sendDocument("huge.csv", csv(["Name;Phone;Remarks", `Ivan;+79160000001;${"x".repeat(5000)}`]));
    expect(ann.lastText()).toContain('row 2: the value in column "Remarks" is too long — cut');
    expect(ann.lastText()).not.toContain('"notes"');
  });

  it("reads the clients from the second sheet of a workbook whose first sheet is empty", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Лист1");
    const ws = wb.addWorksheet("Клиенты");
    ws.addRow(["ФИО", "Телефон"]);
    ws.addRow(["Иван Петров", "+79161110003"]);
    await lead.sendDocument("clients.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(lead.lastText()).not.toContain("Файл пустой");
    expect(lead.lastText()).toContain("новых клиентов: 1");
    await lead.tapButton("✅ Загрузить");
    expect(clientNamed(h.db, "Иван Петров").primaryPhone).toBe("+79161110003");
  });

  it("explains binary garbage, a picture sent as a file and a photo", async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await lead.sendDocument("data.csv", garbage);
    expect(lead.lastText()).toContain("внутри двоичные данные");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    await lead.sendDocument("scan.png", png, { mimeType: "image/png" });
    expect(lead.lastText()).toContain("Это картинка");
    await lead.sendDocument("export.csv", png);
    expect(lead.lastText()).toContain("Такой формат я не читаю");
    await lead.sendPhoto();
    expect(lead.lastText()).toContain("Это картинка");
    expect(batchStatuses(h.db)).toEqual([]);
    expect(h.errors()).toEqual([]);
  });

  it("refuses a 30 MB file before downloading it", async () => {
    await lead.sendDocument("huge.csv", Buffer.from("ФИО\nИван\n"), { size: 30 * 1024 * 1024 });
    expect(lead.lastText()).toContain("30 МБ");
    expect(lead.lastText()).toContain("до 20 МБ");
    expect(h.calls("getFile")).toEqual([]);
  });

  it("refuses a file that turns out bigger than Telegram said while downloading", async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    await lead.sendDocument("big.csv", big, { size: 1000 });
    expect(lead.lastText()).toContain("до 20 МБ");
    expect(batchStatuses(h.db)).toEqual([]);
  });

  it("says which headers it saw when there is no name column", async () => {
    await lead.sendDocument("phones.csv", csv(["Телефон;Город;Сумма", "+79161234567;Москва;100"]));
    const text = lead.lastText();
    expect(text).toContain("Не нашёл столбец с именем клиента");
    expect(text).toContain("«Телефон», «Город», «Сумма»");
    expect(text).toContain("«ФИО»");
    expect(batchStatuses(h.db)).toEqual([]);
  });

  it("points at broken quotes", async () => {
    await lead.sendDocument("broken.csv", csv(["ФИО;Примечание", 'Иван;"обычный', "Пётр;ещё", "Олег;и ещё"]));
    expect(lead.lastText()).toContain("сломаны кавычки около строки 2");
    expect(dbCounts(h.db).clients).toBe(0);
  });

  it("tells a stranger politely to join first", async () => {
    const stranger = h.user(900);
    await stranger.sendDocument("export.csv", csv(crmExport));
    expect(stranger.lastText()).toContain("Вы пока не в команде");
    expect(h.calls("getFile")).toEqual([]);
    expect(batchStatuses(h.db)).toEqual([]);
  });

  it("asks a lead to send client files privately, and stays quiet about others' files in the group", async () => {
    const group = h.group();
    await lead.send("/link", group.chat);
    const sent = h.calls("sendMessage").length;
    const boris = h.user(200);
    await boris.sendDocument("photo-of-cat.jpg", Buffer.from("x"), {}, group.chat);
    await boris.sendDocument("clients.csv", csv(crmExport), {}, group.chat);
    expect(h.calls("sendMessage").length).toBe(sent);
    await lead.sendDocument("clients.csv", csv(crmExport), {}, group.chat);
    expect(group.last()!.text).toContain("пришлите его мне в личный чат");
    expect(h.calls("getFile")).toEqual([]);
    expect(batchStatuses(h.db)).toEqual([]);
  });

  it("escapes whatever the file holds in the preview", async () => {
    await lead.sendDocument("<b>x</b>.csv", csv(["ФИО;Ответственный", "Иван;<i>Злой</i> & Co"]));
    const text = lead.lastText();
    expect(text).toContain("&lt;b&gt;x&lt;/b&gt;.csv");
    expect(text).toContain("«&lt;i&gt;Злой&lt;/i&gt; &amp; Co»");
    expect(h.errors()).toEqual([]);
  });
});

describe("linking names from files to people", () => {
  it("hands a name-only owner's clients over when that person joins by invite", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    await lead.tapButton("Загрузить");
    const nameOnly = h.db.select().from(members).where(eq(members.name, "Пётр Новиков")).get()!;
    const petr = await h.join(400, "manager", { first_name: "Петр", last_name: "Новиков" });
    expect(memberIdOf(h.db, 400)).toBe(nameOnly.id);
    await petr.send("/clients");
    expect(petr.lastText()).toContain("Мои клиенты</b> — 2");
  });

  it("lets a lead link a name to a team member by hand from /clients", async () => {
    await lead.sendDocument("export.csv", csv(crmExport));
    await lead.tapButton("Загрузить");
    await lead.send("/clients");
    await lead.tapButton("Связать имена");
    await lead.tapButton("Пётр Новиков");
    expect(lead.lastText()).toContain("Кто из команды — «Пётр Новиков»?");
    await lead.tapButton("Вера");
    expect(lead.lastText()).toContain("«Пётр Новиков» — это Вера. Клиентов передано: 2");
    const vera = memberIdOf(h.db, 300);
    expect(clientNamed(h.db, "Анна Лебедева").ownerId).toBe(vera);
    expect(h.db.select().from(members).where(eq(members.name, "Пётр Новиков")).get()!.status).toBe("left");
  });
});
