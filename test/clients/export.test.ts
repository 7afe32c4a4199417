import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clients } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment } from "../support/seed.js";
import { dbCounts } from "./import-fixtures.js";

let h: Harness;
let lead: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
});
afterEach(() => h.close());

function seedBase() {
  const boris = memberIdOf(h.db, 200);
  const vera = memberIdOf(h.db, 300);
  const [ivan, olga] = seedClients(h.db, 1, [
    { name: "Иван Петров", ownerId: boris, temperature: "hot", company: "ООО «Ромашка»; филиал", phones: ["+79161234567", "+74951112233"], email: "ivan@romashka.ru", nextContactOn: "2026-11-25", notes: "=HYPERLINK(\"http://evil\")\nвторая строка" },
    { name: "Ольга", ownerId: null, temperature: "cold" },
  ]);
  h.db.update(clients).set({ previousOwnerId: vera, externalId: "amo-1", lastContactOn: "2026-11-01" }).where(eq(clients.id, ivan!)).run();
  seedCommitment(h.db, { teamId: 1, clientId: ivan!, ownerId: boris, kind: "promise", text: "скидка 5%", dueOn: "2026-11-30" });
  seedCommitment(h.db, { teamId: 1, clientId: ivan!, ownerId: boris, kind: "document", text: "акт сверки" });
  return { ivan: ivan!, olga: olga! };
}

function sentCsv() {
  const call = h.calls("sendDocument").at(-1);
  if (!call) throw new Error("no document sent");
  return { call, file: call.files.document! };
}

describe("/export", () => {
  it("sends the team's clients as a CSV that Excel opens and csv-parse reads back intact", async () => {
    seedBase();
    await lead.send("/export");
    const { call, file } = sentCsv();
    expect(call.payload.chat_id).toBe(100);
    expect(file.name).toBe("clients-2026-11-23.csv");
    expect(String(call.payload.caption)).toContain("Клиенты команды: 2");
    expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.bytes.toString("utf8")).toContain("\r\n");

    const records = parse(file.bytes, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      ФИО: "Иван Петров",
      Компания: "ООО «Ромашка»; филиал",
      Телефон: "'+79161234567, +74951112233",
      Email: "ivan@romashka.ru",
      "Внешний ID": "amo-1",
      Ответственный: "Борис",
      "Предыдущий ответственный": "Вера",
      Температура: "горячий",
      "Дата последнего контакта": "01.11.2026",
      "Дата следующего контакта": "25.11.2026",
      // A formula from a file must never run in Excel: it is written as text.
      Примечание: "'=HYPERLINK(\"http://evil\")\nвторая строка",
      Обещания: "скидка 5% до 30.11.2026",
      "Долги по документам": "акт сверки",
      Сроки: "",
    });
    expect(records[1]).toMatchObject({ ФИО: "Ольга", Ответственный: "", Температура: "холодный" });
    expect(h.errors()).toEqual([]);
  });

  it("can be sent back as an import without creating duplicates", async () => {
    seedBase();
    await lead.send("/export");
    const { file } = sentCsv();
    const before = dbCounts(h.db);
    await lead.sendDocument(file.name, file.bytes);
    const preview = lead.lastText();
    expect(preview).toContain("новых клиентов: 0");
    expect(preview).toContain("уже есть, без изменений: 2");
    expect(dbCounts(h.db)).toEqual(before);
  });

  it("comes back whole when a commitment's text has a ';': bulleted lines, unchanged on re-import", async () => {
    const boris = memberIdOf(h.db, 200);
    const [one, two] = seedClients(h.db, 1, [
      { name: "Клиент 1", ownerId: boris, phones: ["+79162000000"] },
      { name: "Клиент 2", ownerId: boris, phones: ["+79162000001"] },
    ]);
    seedCommitment(h.db, { teamId: 1, clientId: one!, ownerId: boris, kind: "promise", text: "Скидка 5%; доставка бесплатно" });
    seedCommitment(h.db, { teamId: 1, clientId: two!, ownerId: boris, kind: "promise", text: "образцы; каталог", dueOn: "2026-11-30" });
    seedCommitment(h.db, { teamId: 1, clientId: two!, ownerId: boris, kind: "promise", text: "скидка 5%" });
    await lead.send("/export");
    const { file } = sentCsv();
    const records = parse(file.bytes, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.Обещания)).toEqual(["• Скидка 5%; доставка бесплатно", "• скидка 5%\n• образцы; каталог до 30.11.2026"]);

    const before = dbCounts(h.db);
    await lead.sendDocument(file.name, file.bytes);
    expect(lead.lastText()).toContain("уже есть, без изменений: 2");
    expect(lead.lastText()).not.toContain("Загрузить?");
    expect(dbCounts(h.db)).toEqual(before);
  });

  it("is for leads only, and says so when there is nothing to export", async () => {
    await lead.send("/export");
    expect(lead.lastText()).toContain("выгружать нечего");
    seedBase();
    const boris = h.user(200);
    await boris.send("/export");
    expect(boris.lastText()).toContain("только руководитель");
    expect(h.calls("sendDocument")).toEqual([]);
  });

  it("writes English headers for an English-speaking lead", async () => {
    await h.createTeam(500, "Sales", { first_name: "Ann", language_code: "en" });
    const ann = h.user(500, { first_name: "Ann", language_code: "en" });
    seedClients(h.db, 2, [{ name: "John", ownerId: null }]);
    await ann.send("/export");
    const records = parse(sentCsv().file.bytes, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(records).toEqual([expect.objectContaining({ "Full name": "John", Temperature: "warm", Owner: "" })]);
  });
});
