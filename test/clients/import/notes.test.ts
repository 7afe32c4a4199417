import { describe, expect, it } from "vitest";
import { scanNotes } from "../../../src/clients/import/scan-notes.js";
import { csv, parseOk } from "./helpers.js";

const TODAY = { year: 2026, month: 6, day: 15 };
const scan = (text: string) => {
  let i = 0;
  return scanNotes(text, TODAY, () => i++).map(({ kind, text: t, dueOn }) => [kind, t, dueOn]);
};

describe("commitments in notes", () => {
  it.each([
    ["Нет — договор до 30.11", [["deadline", "договор", "2026-11-30"]]],
    ["Ждёт документы; паспорт", [["document", "Ждёт документы", null], ["document", "паспорт", null]]],
    ["обещали доставку до 5 июля. Клиент доволен", [["promise", "обещали доставку", "2026-07-05"]]],
    ["оплата до 15.12.2026", [["deadline", "оплата", "2026-12-15"]]],
    ["send the quote by 1.07.2026", [["document", "send the quote", "2026-07-01"]]],
  ])("%s", (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it.each(["звонить после обеда", "звонил 12.05.2026", "обновить до версии 2.10", "договор до 31.02", "договор до 01.01.2040"])("finds nothing in «%s»", (text) => {
    expect(scan(text).filter((f) => f[2] !== null)).toEqual([]);
  });

  it("numbers findings across the file and merges them with a duplicate row", async () => {
    const r = await parseOk(csv("ФИО;Телефон;Примечание", "Иван;89161234567;договор до 30.11", "Пётр;89161112233;паспорт", "Иван;89161234567;счёт"));
    expect(r.rows.map((row) => row.noteFindings)).toEqual([
      [
        { index: 0, kind: "deadline", text: "договор", dueOn: "2026-11-30" },
        { index: 2, kind: "document", text: "счёт", dueOn: null },
      ],
      [{ index: 1, kind: "document", text: "паспорт", dueOn: null }],
    ]);
  });
});
