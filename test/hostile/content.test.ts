// Hostile content that is accepted on purpose (people do type `<`, `&`, emoji, RTL, "=" into a CRM):
// once imported, it must never break a message (Telegram HTML), never run as a formula in Excel after
// /export, and survive a round trip through the export.
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cb } from "../../src/clients/keyboards.js";
import { clients } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { formulaXlsx } from "./corpus/files.js";
import { expectCleanRun, expectUnchanged, snapshot } from "./support.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  boris = await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

const HEADER = "ФИО;Компания;Телефон;Ответственный;Примечание;Обещания";
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join("\r\n") + "\r\n", "utf8");

/** Formula-looking values in every text column Excel would evaluate. */
const FORMULAS = ['=HYPERLINK("http://evil.example/x","Нажми")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1+1)", "=1+1", "-2+3+cmd|' /C notepad'!'A1'"];

function exported(): Record<string, string>[] {
  const call = h.calls("sendDocument").at(-1);
  if (!call?.files.document) throw new Error("no document sent");
  return parse(call.files.document.bytes, { bom: true, delimiter: ";", columns: true, relax_column_count: true }) as Record<string, string>[];
}

async function importAndConfirm(name: string, bytes: Buffer) {
  await lead.sendDocument(name, bytes);
  await lead.tapButton(/Загрузить/);
  expect(lead.lastText()).toContain("Новых клиентов");
}

describe("formulas in names and notes", () => {
  it("are kept as typed in the base and neutralised in the exported CSV", async () => {
    const rows = FORMULAS.map((f, i) => `${f};${f};+7 916 123-45-${String(60 + i)};Борис;${f};${f.replace(/^./, "=")} до 30.11.2026`);
    await importAndConfirm("formulas.csv", csv(rows));
    expect(h.db.select({ name: clients.name }).from(clients).all().map((c) => c.name)).toEqual(FORMULAS);

    await lead.send("/export");
    const records = exported();
    expect(records).toHaveLength(FORMULAS.length);
    for (const [i, record] of records.entries()) {
      // Excel evaluates a cell starting with = + - @ (or a tab/CR before one): none may start so.
      for (const [column, value] of Object.entries(record)) {
        expect(value, `${column} of row ${i + 2}`).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(record["ФИО"]).toBe(`'${FORMULAS[i]}`);
      expect(record["Компания"]).toBe(`'${FORMULAS[i]}`);
      expect(record["Примечание"]).toBe(`'${FORMULAS[i]}`);
    }
    // Neutralised, not lost: the bytes hold the formula text after the apostrophe.
    const raw = h.calls("sendDocument").at(-1)!.files.document!.bytes.toString("utf8");
    expect(raw).toContain(`'=HYPERLINK(""http://evil.example/x"",""Нажми"")`);
    expectCleanRun(h);
  });

  it("a formula cell of an .xlsx is read as its text and exported neutralised", async () => {
    await importAndConfirm("formula.xlsx", await formulaXlsx());
    await lead.send("/export");
    const [record] = exported();
    for (const value of Object.values(record!)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    expect(record!["Компания"]).toBe("'=cmd|' /C calc'!A0");
    expectCleanRun(h);
  });

  it("the neutralised export goes back in as an import without changing anything", async () => {
    const rows = FORMULAS.map((f, i) => `${f};;+7 916 123-45-${String(60 + i)};Борис;${f};`);
    await importAndConfirm("formulas.csv", csv(rows));
    await lead.send("/export");
    const file = h.calls("sendDocument").at(-1)!.files.document!;
    const before = snapshot(h.db, ["import_batches"]);
    await lead.sendDocument(file.name, file.bytes);
    expect(lead.lastText()).toContain("новых клиентов: 0");
    expect(lead.lastText()).toContain(`уже есть, без изменений: ${FORMULAS.length}`);
    expectUnchanged(h.db, before, ["import_batches"]);
    expectCleanRun(h);
  });
});

describe("markup, emoji, RTL and very long values once imported", () => {
  const hostile = [
    "<b>Иван</b> Петров;<script>alert(1)</script>;+7 916 123-45-67;Борис;</pre><a href=x>&amp; &lt;;<i>счёт</i> & акт до 30.11.2026",
    "Tom & Jerry <tom@example.com>;A&B <Co>;+7 916 123-45-68;;&#0; &bogus; <<>>;",
    "🔥 Иван 👨‍👩‍👧 Петров;محمد الأحمد شركة;+7 916 123-45-69;Борис;דוד כהן\u202e;",
    `${"Я".repeat(10_000)};${"К".repeat(5_000)};+7 916 123-45-70;Борис;${"заметка <b> ".repeat(9_000)};${"обещание & ".repeat(1_000)} до 01.12.2026`,
    "Ма\u200bрия\u200d Си\u200eдо\u202eрова;;+7 916 123-45-71;;;",
  ];

  it("every message that shows them is valid Telegram HTML within limits: preview, list, cards, owner picker, export", async () => {
    await lead.sendDocument("<hostile> & co.csv", csv(hostile));
    await lead.tapButton(/Загрузить/);
    const ids = h.db.select({ id: clients.id }).from(clients).all().map((c) => c.id);
    expect(ids).toHaveLength(hostile.length);

    await lead.send("/clients");
    for (const id of ids) {
      await lead.tap(cb.card(id, { page: 0 }));
      expect(lead.lastText()).toContain("Ответственный");
      await lead.tap(cb.changeOwner(id));
    }
    await boris.send("/clients");
    for (const id of ids) await boris.tap(cb.card(id, { page: 0 }));
    await lead.send("/export");
    await lead.send("/status");
    await lead.send("/team");
    expectCleanRun(h);
    // The escaped markup is visible as text, not applied.
    const card = h.calls("editMessageText").map((c) => String(c.payload.text)).find((t) => t.includes("Tom &amp; Jerry") && t.includes("A&amp;B"));
    expect(card).toContain("A&amp;B &lt;Co&gt;");
  });
});
