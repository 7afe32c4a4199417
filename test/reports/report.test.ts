import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordOutcome } from "../../src/calls/calls.js";
import { buildReport } from "../../src/reports/report.js";
import { progressBar } from "../../src/platform/format/progress.js";
import { createHarness, type Harness } from "../support/harness.js";
import { seedClients } from "../support/seed.js";
import { seedAppliedPoolDistribution } from "../calls/calls.fixtures.js";
import { callOf, handoverScene } from "../calls/calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

describe("/report", () => {
  it("shows per handover and per manager: transferred, done, reached, no answer, lost with reasons, next contacts, overdue", async () => {
    const s = await handoverScene(h, { terms: "bad" });
    const now = h.clock.now();
    const rec = (clientId: number, actorId: number, outcome: Parameters<typeof recordOutcome>[1]["outcome"]) =>
      expect(recordOutcome(h.db, { ref: { callId: callOf(h, clientId).id }, actorId, outcome, now }).ok).toBe(true);
    rec(s.clients.alpha, s.ids.boris, { kind: "reached", nextContactOn: "2026-12-23" });
    rec(s.clients.beta, s.ids.boris, { kind: "no_answer" });
    rec(s.clients.delta, s.ids.vera, { kind: "lost", reason: "went_with_leaver" });
    h.clock.set("2026-11-26T10:00:00+03:00"); // Thursday: Beta (moved to Tuesday) and Gamma (Wednesday) are overdue

    await s.boris.send("/report");
    expect(s.boris.lastText()).toContain("только руководитель");
    await s.lead.send("/report");
    const text = s.lead.lastText();
    expect(text).toContain("<b>Мария</b> → передача идёт, расстались плохо, последний день 23.11");
    expect(text).toContain("▓▓▓▓▓░░░░░ 50% · обзвонено 2 из 4");
    expect(text).toContain("Передано клиентов: 4 · дозвонились: 1 · не отвечают: 1 · потеряны: 1 · следующий контакт назначен: 1 · просрочено звонков: 2");
    expect(text).toContain("Причины потерь: уходит вслед за прежним менеджером — 1");
    expect(text).toContain("• Борис: ▓▓▓░░░░░░░ 1/3 · ✅ 1 · 📵 1 · ✖️ 0 · 🗓 1 · ⚠️ просрочено 2");
    expect(text).toContain("• Вера: ▓▓▓▓▓▓▓▓▓▓ 1/1 · ✅ 0 · 📵 0 · ✖️ 1 · 🗓 0");
    expect(text.length).toBeLessThanOrEqual(4096);
  });

  it("says so when there is nothing to report, and lists pool distributions apart", async () => {
    const s = await handoverScene(h);
    await s.lead.send("/language");
    await s.lead.tapButton("English");
    const pool = seedClients(h.db, 1, [{ name: "Пул 1", ownerId: null }, { name: "Пул 2", ownerId: null }]);
    seedAppliedPoolDistribution(h.db, { teamId: 1, leadId: s.ids.lead, moves: pool.map((clientId) => ({ clientId, to: s.ids.vera })), now: h.clock.now() });
    await s.lead.send("/report");
    expect(s.lead.lastText()).toContain("Clients from the unassigned pool");
    expect(s.lead.lastText()).toContain("• Вера: ░░░░░░░░░░ 0/2");
    const reports = buildReport(h.db, { teamId: 1, today: "2026-11-23" });
    expect(reports.map((r) => [r.handoverId, r.totals.total])).toEqual([[s.handoverId, 4], [null, 2]]);

    const empty = await createHarness();
    const lead = await empty.createTeam();
    await lead.send("/report");
    expect(lead.lastText()).toContain("Пока нечего показать");
    empty.close();
  });

  it("draws progress bars", () => {
    expect(progressBar(0, 0)).toBe("░░░░░░░░░░");
    expect(progressBar(1, 3)).toBe("▓▓▓░░░░░░░");
    expect(progressBar(5, 4)).toBe("▓▓▓▓▓▓▓▓▓▓");
  });
});
