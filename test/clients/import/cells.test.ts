import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capLength, cleanLine, cleanMultiline } from "../../../src/clients/import/clean-text.js";
import { normalisePhoneWithLibrary, parseEmails, parsePhones, parseTemperature, russianFastPath } from "../../../src/clients/import/parse-cells.js";
import { parseCommitmentCell } from "../../../src/clients/import/parse-commitments.js";
import { createDateCellParser, inferYear, resolveToday, serialToDay } from "../../../src/clients/import/parse-dates.js";
import { csv, parseOk } from "./helpers.js";

const today = resolveToday("2026-06-15");

describe("dates", () => {
  const parseDate = createDateCellParser(today, false);

  it.each([
    ["25.11.2026", "2026-11-25"],
    ["25/11/2026", "2026-11-25"],
    ["2026-11-25", "2026-11-25"],
    ["25.11.26", "2026-11-25"],
    ["5.1.2026", "2026-01-05"],
    ["25.11.2026 14:30", "2026-11-25"],
    ["25.11.2026 14:30:15", "2026-11-25"],
    ["2026-11-25T10:00:00+03:00", "2026-11-25"],
    ["25 ноября 2026", "2026-11-25"],
    ["25 ноября 2026 г.", "2026-11-25"],
    ["46351", "2026-11-25"],
    ["  25.11.2026  ", "2026-11-25"],
  ])("reads %j", (text, iso) => {
    expect(parseDate(text, "past")).toBe(iso);
  });

  it.each([["31.02.2026"], ["29.02.2025"], ["00.01.2026"], ["32.01.2026"], ["25.13.2026"], ["11/25/2026"], ["вчера"], ["2026"], ["12345678"]])(
    "refuses %j without shifting it",
    (text) => {
      expect(parseDate(text, "past")).toBe(false);
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(parseDate("29.02.2028", "past")).toBe("2028-02-29");
  });

  it("reads real Date cells by their calendar day and numbers as Excel serials", () => {
    expect(parseDate(new Date(Date.UTC(2026, 10, 25)), "past")).toBe("2026-11-25");
    expect(parseDate(new Date(Date.UTC(2026, 10, 25, 23, 59)), "past")).toBe("2026-11-25");
    expect(parseDate(46351, "past")).toBe("2026-11-25");
    expect(parseDate(46351.75, "past")).toBe("2026-11-25");
    expect(parseDate(12, "past")).toBe(false);
  });

  it("converts serials in the 1904 date system", () => {
    expect(serialToDay(46351 - 1462, true)).toBe("2026-11-25");
    expect(createDateCellParser(today, true)(46351 - 1462, "past")).toBe("2026-11-25");
  });

  it("treats empty cells as no date, not a bad one", () => {
    expect(parseDate("", "past")).toBeNull();
    expect(parseDate("   ", "past")).toBeNull();
    expect(parseDate(null, "past")).toBeNull();
  });

  it("infers the year of a day-month date: the last occurrence for the past, the next for the future", () => {
    expect(parseDate("25.11", "past")).toBe("2025-11-25");
    expect(parseDate("25.11", "future")).toBe("2026-11-25");
    expect(parseDate("01.03", "future")).toBe("2027-03-01");
    expect(parseDate("15.06", "future")).toBe("2026-06-15");
    expect(parseDate("15.06", "past")).toBe("2026-06-15");
    expect(inferYear(2, 29, "future", today)).toBe("2028-02-29");
    expect(inferYear(2, 29, "past", today)).toBe("2024-02-29");
    expect(inferYear(2, 30, "future", today)).toBeNull();
  });

  it("reports an impossible date in a file as a bad_date warning and keeps the row", async () => {
    const r = await parseOk(csv("ФИО;Дата последнего контакта;Следующий контакт", "Иванов Иван;31.02.2026;25.11.2026"));
    expect(r.rows[0]).toMatchObject({ lastContactOn: null, nextContactOn: "2026-11-25" });
    expect(r.warnings).toEqual([{ rowNumber: 2, code: "bad_date", field: "lastContactOn", value: "31.02.2026", severity: "warning" }]);
  });
});

describe("phones", () => {
  it.each([
    ["8 916 123-45-67", "+79161234567"],
    ["+7 (916) 123-45-67", "+79161234567"],
    ["8(916)1234567", "+79161234567"],
    ["79161234567", "+79161234567"],
    ["9161234567", "+79161234567"],
    ["+7 495 123 45 67 доб. 12", "+74951234567"],
    ["8 800 555-35-35", "+78005553535"],
    ["+375 29 123-45-67", "+375291234567"],
    ["+1 212 555 0100", "+12125550100"],
  ])("normalises %j to %s", (raw, e164) => {
    expect(parsePhones(raw, "RU")).toEqual({ phones: [e164], bad: [] });
  });

  it("collects every phone of a cell separated by , ; or a line break", () => {
    expect(parsePhones("8 916 123-45-67, +7 495 123 45 67;89161112233\n8 (926) 000-11-22", "RU").phones).toEqual([
      "+79161234567",
      "+74951234567",
      "+79161112233",
      "+79260001122",
    ]);
  });

  it.each([["12345"], ["+7 123 456 78 90"], ["звонить секретарю"], ["8 916 123"]])("refuses %j", (raw) => {
    expect(parsePhones(raw, "RU")).toEqual({ phones: [], bad: [raw] });
  });

  it("uses the default country for numbers without a code", () => {
    expect(parsePhones("029 123 45 67", "BY").phones).toEqual(["+375291234567"]);
  });

  it("agrees with libphonenumber on every number the Russian fast path accepts", () => {
    const separator = fc.constantFrom("", " ", "-", "(", ")", " (", ") ", "\u00a0");
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const input = fc
      .tuple(
        fc.constantFrom("+7", "8", "7", "", "+8", "+7 ", "8 "),
        fc.array(fc.tuple(separator, digit), { minLength: 9, maxLength: 12 }),
        fc.constantFrom("3", "4", "9", "8", "7", "5", "0"),
      )
      .map(([prefix, rest, first]) => prefix + first + rest.map(([s, d]) => s + d).join(""));
    let accepted = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const fast = russianFastPath(raw, "RU");
        if (fast !== null) {
          accepted++;
          expect(fast).toBe(normalisePhoneWithLibrary(raw, "RU"));
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100); // the property actually exercised the fast path
  });

  it("sends numbers outside the fast path to libphonenumber", () => {
    expect(russianFastPath("8 800 555-35-35", "RU")).toBeNull();
    expect(russianFastPath("+7 701 123 45 67", "RU")).toBeNull(); // Kazakhstan shares +7
    expect(russianFastPath("9161234567", "BY")).toBeNull();
  });

  it("drops a bad phone with a warning but keeps the good ones and the row", async () => {
    const r = await parseOk(csv("ФИО;Телефон;Мобильный", "Иванов Иван;12345, 8 916 123-45-67;8 916 123-45-67"));
    expect(r.rows[0]!.phones).toEqual(["+79161234567"]);
    expect(r.warnings).toEqual([{ rowNumber: 2, code: "bad_phone", field: "phones", value: "12345", severity: "warning" }]);
  });
});

describe("e-mails", () => {
  it("lower-cases and validates, taking the first valid one", () => {
    expect(parseEmails("Ivan@Mail.RU")).toEqual({ emails: ["ivan@mail.ru"], bad: [] });
    expect(parseEmails("mailto:ivan@mail.ru; petr@mail.ru")).toEqual({ emails: ["ivan@mail.ru", "petr@mail.ru"], bad: [] });
    expect(parseEmails("иван@почта.рф").emails).toEqual(["иван@почта.рф"]);
  });

  it.each([["ivan@"], ["@mail.ru"], ["ivan@mail"], ["ivan mail.ru"], ["ivan@@mail.ru"], ["ivan..x@mail.ru"], ["ivan@mail.r"]])("refuses %j", (raw) => {
    expect(parseEmails(raw).emails).toEqual([]);
  });

  it("reports a bad e-mail as a warning and drops it", async () => {
    const r = await parseOk(csv("ФИО;Email", "Иванов Иван;ivan@"));
    expect(r.rows[0]!.email).toBeNull();
    expect(r.warnings).toEqual([{ rowNumber: 2, code: "bad_email", field: "email", value: "ivan@", severity: "warning" }]);
  });
});

describe("temperature", () => {
  it.each([
    ["hot", "hot"], ["HOT", "hot"], ["горячий", "hot"], ["Горячая", "hot"], ["🔥", "hot"], ["Переговоры", "hot"],
    ["warm", "warm"], ["тёплый", "warm"], ["теплый", "warm"], ["Тёплая", "warm"], ["Первичный контакт", "warm"],
    ["cold", "cold"], ["холодный", "cold"], ["Холодная!", "cold"], ["Закрыто и не реализовано", "cold"], ["Lost", "cold"],
  ])("reads %j as %s", (text, t) => {
    expect(parseTemperature(text)).toBe(t);
  });

  it("returns null for unknown words", () => {
    expect(parseTemperature("фиолетовый")).toBeNull();
  });

  it("defaults to warm, and warns about an unknown value", async () => {
    const r = await parseOk(csv("ФИО;Температура", "Иванов Иван;", "Петров Пётр;фиолетовый", "Сидоров;Горячий"));
    expect(r.rows.map((x) => x.temperature)).toEqual(["warm", "warm", "hot"]);
    expect(r.warnings).toEqual([{ rowNumber: 3, code: "bad_temperature", field: "temperature", value: "фиолетовый", severity: "warning" }]);
  });
});

describe("commitments", () => {
  const parse = (text: string) => parseCommitmentCell(text, "promise", today);

  it("splits items on ; and line breaks", () => {
    expect(parse("договор; акт сверки\nскидка 5%\r\n\r\n;").items.map((i) => i.text)).toEqual(["договор", "акт сверки", "скидка 5%"]);
  });

  it("reads a bulleted cell (as /export writes it) one item a line, a ';' inside an item included", () => {
    expect(parse("• скидка 5%; доставка бесплатно").items.map((i) => i.text)).toEqual(["скидка 5%; доставка бесплатно"]);
    expect(parse("• образцы; каталог до 30.11\n• акт").items.map((i) => [i.text, i.dueOn])).toEqual([["образцы; каталог", "2026-11-30"], ["акт", null]]);
    // An old export or a hand-made cell without bullets on every line is still split on ";".
    expect(parse("скидка 5%; доставка").items.map((i) => i.text)).toEqual(["скидка 5%", "доставка"]);
    expect(parse("• договор; акт\nсчёт").items.map((i) => i.text)).toEqual(["договор", "акт", "счёт"]);
  });

  it.each([
    ["договор до 30.11", "договор", "2026-11-30"],
    ["договор до 30.11.2026", "договор", "2026-11-30"],
    ["договор до 30.11.26", "договор", "2026-11-30"],
    ["акт — 2026-11-30", "акт", "2026-11-30"],
    ["акт - 2026-11-30", "акт", "2026-11-30"],
    ["счёт: 01.12.2026", "счёт", "2026-12-01"],
    ["перезвонить 30.11.2026", "перезвонить", "2026-11-30"],
    ["КП до 5 декабря", "КП", "2026-12-05"],
    ["КП к 5 декабря 2027", "КП", "2027-12-05"],
    ["образцы (до 10.07)", "образцы", "2026-07-10"],
    ["договор до 01.03", "договор", "2027-03-01"],
    ["до 30.11", "до 30.11", "2026-11-30"],
  ])("reads the due date of %j", (text, itemText, dueOn) => {
    expect(parse(text)).toEqual({ items: [{ kind: "promise", text: itemText, dueOn }], badDates: [], tooLong: [] });
  });

  it.each([["обновить до версии 2.10"], ["позвонить 2 раза"], ["скидка 10.5"], ["акт №12.05"]])("does not mistake %j for a dated item", (text) => {
    expect(parse(text)).toEqual({ items: [{ kind: "promise", text, dueOn: null }], badDates: [], tooLong: [] });
  });

  it("keeps an item with an impossible date, without the date, and reports it", () => {
    expect(parse("договор до 31.02")).toEqual({ items: [{ kind: "promise", text: "договор до 31.02", dueOn: null }], badDates: ["договор до 31.02"], tooLong: [] });
  });

  it("takes the kind from the column and reports bad dates per row", async () => {
    const r = await parseOk(
      csv(
        "ФИО;Обещания;Долги по документам;Сроки",
        'Иванов Иван;"договор до 30.11; скидка 5%";акт сверки до 31.02;"тендер — 2026-09-01\nотчёт"',
      ),
    );
    expect(r.rows[0]!.commitments).toEqual([
      { kind: "promise", text: "договор", dueOn: "2026-11-30" },
      { kind: "promise", text: "скидка 5%", dueOn: null },
      { kind: "document", text: "акт сверки до 31.02", dueOn: null },
      { kind: "deadline", text: "тендер", dueOn: "2026-09-01" },
      { kind: "deadline", text: "отчёт", dueOn: null },
    ]);
    expect(r.warnings).toEqual([{ rowNumber: 2, code: "bad_date", field: "commitments", value: "акт сверки до 31.02", severity: "warning" }]);
  });
});

describe("text cleaning and limits", () => {
  it("strips control characters and turns line breaks into spaces in one-line fields", () => {
    expect(cleanLine("  Иванов\u0000 Иван\r\nСергеевич\u0007\t ")).toBe("Иванов Иван Сергеевич");
    expect(cleanMultiline("строка 1\r\nстрока 2\u0001\rстрока 3  ")).toBe("строка 1\nстрока 2\nстрока 3");
  });

  it("never splits a surrogate pair when capping", () => {
    const s = `${"a".repeat(199)}😀`;
    expect(capLength(s, 200)).toBe("a".repeat(199));
    expect(capLength("short", 200)).toBe("short");
  });

  it("keeps emoji, RTL text and markup characters exactly as typed", async () => {
    const name = "Иван <b>&amp;</b> _Петров_ *VIP* 🔥👨‍👩‍👧";
    const company = "شركة الأمل ‏עברית";
    const r = await parseOk(csv("ФИО;Компания;Примечание", `"${name}";${company};1 < 2 & 3 > 2 \`code\` [link](x)`));
    expect(r.rows[0]).toMatchObject({ name, company, notes: "1 < 2 & 3 > 2 `code` [link](x)" });
  });

  it("caps the name at 200 and notes at 2000 characters with too_long warnings", async () => {
    const longName = "Я".repeat(250);
    const longNotes = "н".repeat(2500);
    const r = await parseOk(csv("ФИО;Примечание", `${longName};${longNotes}`));
    expect(r.rows[0]!.name).toHaveLength(200);
    expect(r.rows[0]!.notes).toHaveLength(2000);
    expect(r.warnings.map((w) => [w.code, w.field, w.value?.length])).toEqual([
      ["too_long", "name", 100],
      ["too_long", "notes", 100],
    ]);
  });

  it("rejects a row without a name, skips an entirely empty one silently", async () => {
    const r = await parseOk(csv("ФИО;Телефон;Компания", "Иванов Иван;89161234567;", ";89161112233;Ромашка", ";;", "  ;  ;  "));
    expect(r.rows).toHaveLength(1);
    expect(r.rejected).toEqual([{ rowNumber: 3, code: "missing_name", field: "name", severity: "error" }]);
    expect(r.totalRows).toBe(2);
  });
});
