// Issue 13 §4: the new owner's message and the client card show each commitment with its kind and date.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedCommitment, seedManyClients } from "../support/seed.js";
import { seedHandover } from "../distribution/distribution-fixtures.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(203, "manager", { first_name: "Иван" });
});
afterEach(() => h.close());

describe("commitments after a handover", () => {
  it("are listed with their kind and due date in the new owner's message, its file and the card", async () => {
    const leaverId = memberIdOf(h.db, 203);
    const [first] = seedManyClients(h.db, 1, leaverId, 16); // more than the message lists: the file comes too
    seedCommitment(h.db, { teamId: 1, clientId: first!, ownerId: leaverId, kind: "deadline", text: "договор", dueOn: "2026-11-30" });
    seedCommitment(h.db, { teamId: 1, clientId: first!, ownerId: leaverId, kind: "document", text: "паспорт", dueOn: null });
    seedCommitment(h.db, { teamId: 1, clientId: first!, ownerId: leaverId, kind: "promise", text: "бесплатная доставка", dueOn: "2026-12-01" });
    const handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: memberIdOf(h.db, 100) });
    await lead.send("/help");
    await lead.tap(`dist:h:${handoverId}`);
    await lead.tapButton("Применить");
    await h.drainOutbox();

    const dm = boris.messages().find((m) => m.text.includes("Вам передан"))!;
    expect(dm.text).toContain("⏰ срок <b>до 30.11:</b> договор; 🤝 обещание <b>до 01.12:</b> бесплатная доставка; 📄 документ паспорт");
    const file = boris.messages().find((m) => m.document)!.document!.bytes.toString("utf8");
    expect(file).toContain("срок: договор (30.11.2026); обещание: бесплатная доставка (01.12.2026); документ: паспорт");

    await boris.send("/clients");
    await boris.tapButton(/Клиент 1$/);
    const card = boris.lastText();
    expect(card).toContain("⏰ срок: договор — до 30.11");
    expect(card).toContain("📄 документ: паспорт");
    expect(card).toContain("🤝 обещание: бесплатная доставка — до 01.12");
  });
});
