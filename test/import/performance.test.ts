import { describe, expect, it } from "vitest";
import { parseClientFile } from "../../src/import/parse-client-file.js";
import { cp1251 } from "./helpers.js";

// A realistic CRM export: 100k rows, ~150 bytes each, every column type the importer handles.
function bigExport(rows: number): string {
  const stages = ["горячий", "Тёплый", "холодный", "Переговоры", ""];
  const lines = ["ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Последний контакт;Следующий контакт;Примечание;Обещания"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${i};Клиентов Клиент ${i};"ООО ""Ромашка ${i % 500}""";8 916 ${String(1_000_000 + i)};c${i}@mail.ru;Менеджер ${i % 7};${stages[i % 5]};${(i % 28) + 1}.05.2026;${(i % 28) + 1}.07.2026;звонить после 14;договор до 30.11`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe("performance", () => {
  it("parses 100,000 CSV rows (Windows-1251, ~15 MB) in well under 2 s", async () => {
    const bytes = cp1251(bigExport(100_000));
    expect(bytes.length).toBeGreaterThan(10_000_000);
    await parseClientFile(bytes.subarray(0, 200_000), "warmup.csv", { today: "2026-06-15" }).catch(() => undefined);
    const started = performance.now();
    const r = await parseClientFile(bytes, "big.csv", { today: "2026-06-15" });
    const elapsed = performance.now() - started;
    if (!r.ok) expect.fail(r.error);
    expect(r.rows).toHaveLength(100_000);
    expect(r.warnings).toEqual([]);
    expect(r.rows[99_999]).toMatchObject({ name: "Клиентов Клиент 99999", phones: ["+79161099999"], lastContactOn: "2026-05-24" });
    // The bound leaves head-room for a busy CI machine; on an idle one this takes about a second.
    expect(elapsed).toBeLessThan(2000);
  });
});
