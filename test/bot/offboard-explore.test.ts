import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment } from "../support/seed.js";

let h: Harness;
beforeEach(async () => { h = await createHarness(); });
afterEach(() => h.close());

describe("explore", () => {
  it("runs", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    await h.join(300, "manager", { first_name: "Вера" });
    const boris = memberIdOf(h.db, 200);
    const ids = seedClients(h.db, 1, [
      { name: "Иванов Пётр", ownerId: boris, temperature: "hot", nextContactOn: "2026-11-20" },
      { name: "Петрова Анна", ownerId: boris, temperature: "warm", company: "ООО <Ромашка>" },
      { name: "Сидоров", ownerId: boris, temperature: "cold" },
    ]);
    seedCommitment(h.db, { teamId: 1, clientId: ids[0]!, ownerId: boris, kind: "document", text: "Акт сверки", dueOn: "2026-11-25" });
    seedCommitment(h.db, { teamId: 1, clientId: ids[1]!, ownerId: boris, text: "Перезвонить", dueOn: "2026-11-20" });
    await lead.send("/offboard");
    console.log(lead.last());
    await lead.tapButton("Борис");
    console.log(lead.last());
    await lead.tapButton("По-хорошему");
    console.log(lead.last());
    await lead.send("вчера");
    console.log(lead.last());
    await lead.send("27.11");
    console.log(lead.last());
    await lead.tapButton("Начать передачу");
    console.log(lead.last());
    await lead.tapButton("1. Заявки");
    console.log(lead.last());
    await lead.tapButton("Готово");
    console.log(lead.last(), lead.toasts());
    await lead.tapButton("3. Интервью");
    await lead.tapButton("Записать договорённости");
    console.log(lead.last());
    await lead.send("Иванов — договор до 30.11");
    console.log(lead.last());
    await lead.send("Петрова: перезвонить 2 декабря");
    console.log(lead.last());
    await lead.tapButton("Готово, больше нет");
    console.log(lead.last());
    await lead.tapButton("📜 История");
    console.log(lead.last());
    console.log(h.errors());
  });
});
