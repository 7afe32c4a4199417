// The import's optional "other managers" column adds voices, matched like owners (any alphabet, case,
// word order); names nobody in the team has are listed and skipped, never invented as people.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientVoices, members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { clientNamed, csv } from "../clients/import-fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

describe("import: other managers", () => {
  it("adds voices from «Кто ещё вёл», shows them in the preview, and lowers the star index", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис", last_name: "Орлов" });
    await h.join(300, "manager", { first_name: "Вера" });
    const boris = memberIdOf(h.db, 200);
    const vera = memberIdOf(h.db, 300);
    const file = csv([
      "ФИО;Телефон;Ответственный;Кто ещё вёл",
      "Иван Петров;+7 916 123-45-67;Вера;Orlov Boris, Анна",
      "Мария Сидорова;+7 916 765-43-21;Вера;Вера",
      "Олег Ким;+7 916 111-22-33;Вера;Незнакомец Икс",
    ]);
    await lead.sendDocument("export.csv", file);
    const preview = lead.lastText();
    expect(preview).toContain("кто ещё вёл ← «Кто ещё вёл»");
    expect(preview).toContain("связей с коллегами — 2");
    expect(preview).toContain("Не нашли в команде, пропущены (1): Незнакомец Икс");
    await lead.tapButton("Загрузить");

    const ivan = clientNamed(h.db, "Иван Петров");
    const voices = h.db.select().from(clientVoices).all();
    expect(voices.map((v) => [v.clientId, v.memberId, v.source]).sort()).toEqual(
      [
        [ivan.id, boris, "import"],
        [ivan.id, memberIdOf(h.db, 100), "import"],
      ].sort(),
    );
    // Nobody was invented: the unknown name is not a member.
    expect(h.db.select().from(members).all().map((m) => m.name)).not.toContain("Незнакомец Икс");
    await lead.send("/stars");
    expect(lead.lastText()).toContain("<b>Вера</b>: клиентов 3 · знают только его/её: 2 (67%)");
    expect(vera).toBeGreaterThan(0);
    expect(h.errors()).toEqual([]);
  });
});
