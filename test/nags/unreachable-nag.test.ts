import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedNameOnlyMember } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const member = (id: number) => h.db.select().from(members).where(eq(members.id, id)).get()!;

describe("unreachable people nag", () => {
  it("tells the leads once about people the bot cannot write to, with the invite link to forward", async () => {
    const lead = await h.createTeam();
    const coLead = await h.join(101, "lead", { first_name: "Kate", language_code: "en" });
    const boris = await h.join(200, "manager", { first_name: "Борис" });
    await boris.block();
    const named = seedNameOnlyMember(h.db, 1, "Пётр <Иванов>");

    expect(h.runJob("unreachable-nag")).toBe(2);
    await h.drainOutbox();
    const text = lead.lastText();
    expect(text).toContain("Эти люди не получают мои сообщения");
    expect(text).toContain("• Борис — заблокировал(а) бота");
    expect(text).toContain("• Пётр &lt;Иванов&gt; — известен(а) только по выгрузке");
    expect(text).toContain(`https://t.me/handover_test_bot?start=${h.team().managerInviteToken}`);
    expect(text).not.toContain(h.team().leadInviteToken);
    expect(coLead.lastText()).toContain("• Борис — blocked the bot");
    expect(member(named).unreachableReportedAt).toBe(h.clock.now().getTime());

    // Once: the next mornings say nothing more about them.
    h.clock.set("2026-11-24T09:00:00+03:00");
    expect(h.runJob("unreachable-nag")).toBe(0);
    h.tick();
    await h.drainOutbox();
    expect(lead.messages().filter((m) => m.text.includes("не получают"))).toHaveLength(1);
  });

  it("reports someone again after they came back and then blocked the bot again", async () => {
    const lead = await h.createTeam();
    const boris = await h.join(200, "manager", { first_name: "Борис" });
    await boris.block();
    h.runJob("unreachable-nag");
    h.telegram.blockedChats.delete(200);
    await boris.send("/start"); // back: reachable again
    expect(member(memberIdOf(h.db, 200)).reachability).toBe("ok");
    h.clock.set("2026-11-24T09:00:00+03:00");
    expect(h.runJob("unreachable-nag")).toBe(0);
    await boris.block();
    h.clock.set("2026-11-25T09:00:00+03:00");
    expect(h.runJob("unreachable-nag")).toBe(1);
    await h.drainOutbox();
    expect(lead.messages().filter((m) => m.text.includes("• Борис — заблокировал(а) бота"))).toHaveLength(2);
  });

  it("gives a lead who cannot be reached to the other leads, with the lead link", async () => {
    const lead = await h.createTeam();
    const coLead = await h.join(101, "lead", { first_name: "Вера" });
    await coLead.block();
    expect(h.runJob("unreachable-nag")).toBe(1);
    await h.drainOutbox();
    expect(lead.lastText()).toContain("• Вера — заблокировал(а) бота");
    expect(lead.lastText()).toContain(`start=${h.team().leadInviteToken}`);
    expect(lead.lastText()).not.toContain(`start=${h.team().managerInviteToken}`);
  });
});
