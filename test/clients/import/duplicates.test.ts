import { describe, expect, it } from "vitest";
import { csv, parseOk } from "./helpers.js";

const HEADER = "ID;ФИО;Компания;Телефон;Email;Примечание;Обещания;Следующий контакт";

describe("duplicate rows", () => {
  it("merges a row with the same externalId into the first one", async () => {
    const r = await parseOk(
      csv(HEADER, "17;Иванов Иван;Ромашка;89161234567;;первая;договор до 30.11;", "17;Иванов И.;;89161112233;ivan@mail.ru;вторая;договор до 30.11;01.07.2026"),
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      rowNumber: 2,
      name: "Иванов Иван",
      company: "Ромашка",
      phones: ["+79161234567", "+79161112233"],
      email: "ivan@mail.ru",
      notes: "первая\nвторая",
      nextContactOn: "2026-07-01",
      commitments: [{ kind: "promise", text: "договор", dueOn: "2026-11-30" }],
    });
    expect(r.warnings).toEqual([{ rowNumber: 3, code: "duplicate_row", field: "externalId", value: "17", severity: "warning", duplicateOf: 2 }]);
    expect(r.totalRows).toBe(2);
  });

  it("merges rows sharing a phone when the names match (ignoring case, ё and spacing)", async () => {
    const r = await parseOk(csv(HEADER, ";Фёдоров  Иван;;8 916 123-45-67;;;;", ";федоров иван;;+7 916 123 45 67;;;звонок;"));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.commitments).toEqual([{ kind: "promise", text: "звонок", dueOn: null }]);
    expect(r.warnings).toEqual([{ rowNumber: 3, code: "duplicate_row", field: "phones", value: "+79161234567", severity: "warning", duplicateOf: 2 }]);
  });

  it("merges rows sharing an e-mail when the names match", async () => {
    const r = await parseOk(csv(HEADER, ";Иванов Иван;;;ivan@mail.ru;;;", ";Иванов Иван;;89161234567;IVAN@MAIL.RU;;;"));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.phones).toEqual(["+79161234567"]);
    expect(r.warnings[0]).toMatchObject({ code: "duplicate_row", field: "email", duplicateOf: 2 });
  });

  it("does NOT merge different people sharing an office phone or info@ address", async () => {
    const r = await parseOk(
      csv(HEADER, ";Иванов Иван;Ромашка;8 495 123-45-67;info@romashka.ru;;;", ";Петрова Мария;Ромашка;8 495 123-45-67;info@romashka.ru;;;"),
    );
    expect(r.rows.map((x) => x.name)).toEqual(["Иванов Иван", "Петрова Мария"]);
    expect(r.warnings).toEqual([]);
  });

  it("merges identical name+company rows when one of them has no contacts", async () => {
    const r = await parseOk(csv(HEADER, ";Иванов Иван;Ромашка;;;без контактов;;", ";Иванов Иван;Ромашка;89161234567;;;;", ";Иванов Иван;ромашка;;;;;"));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ rowNumber: 2, phones: ["+79161234567"], notes: "без контактов" });
    expect(r.warnings.map((w) => [w.rowNumber, w.field, w.duplicateOf])).toEqual([
      [3, "name", 2],
      [4, "name", 2],
    ]);
  });

  it("keeps same-named people with different contacts apart", async () => {
    const r = await parseOk(csv(HEADER, ";Иванов Иван;Ромашка;89161234567;;;;", ";Иванов Иван;Ромашка;89161112233;;;;"));
    expect(r.rows).toHaveLength(2);
    expect(r.warnings).toEqual([]);
  });

  it("keeps same-named people at different companies apart when they have no contacts", async () => {
    const r = await parseOk(csv(HEADER, ";Иванов Иван;Ромашка;;;;;", ";Иванов Иван;Лютик;;;;;"));
    expect(r.rows).toHaveLength(2);
  });

  it("merges a chain of duplicates into the earliest row", async () => {
    const r = await parseOk(csv(HEADER, "1;Иванов Иван;;89161234567;;;;", ";Иванов Иван;;89161234567;ivan@mail.ru;;;", "1;Иван;;;;;;"));
    expect(r.rows).toHaveLength(1);
    expect(r.warnings.map((w) => w.duplicateOf)).toEqual([2, 2]);
    expect(r.rows[0]!.email).toBe("ivan@mail.ru");
  });
});
