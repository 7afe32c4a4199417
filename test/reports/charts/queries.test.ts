// The charts' data from the database: each manager's calls by outcome (a callback counts as "call back",
// not "no answer"), lost reasons, the days calls were made on, the due date of the reactivation step.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordOutcome } from "../../../src/calls/calls.js";
import { handoverChartData } from "../../../src/reports/charts/queries.js";
import { createHarness, type Harness } from "../../support/harness.js";
import { callOf, handoverScene } from "../../calls/calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T23:30:00+03:00" }); // late evening: the local day, not UTC's
});
afterEach(() => h.close());

describe("chart data of a handover", () => {
  it("counts each manager's calls by outcome and the lost reasons, on the team's calendar", async () => {
    const s = await handoverScene(h);
    const now = h.clock.now();
    const rec = (clientId: number, actorId: number, outcome: Parameters<typeof recordOutcome>[1]["outcome"]) =>
      expect(recordOutcome(h.db, { ref: { callId: callOf(h, clientId).id }, actorId, outcome, now }).ok).toBe(true);
    rec(s.clients.alpha, s.ids.boris, { kind: "reached", nextContactOn: "2026-12-23" });
    rec(s.clients.beta, s.ids.boris, { kind: "no_answer" });
    rec(s.clients.gamma, s.ids.boris, { kind: "callback", date: "2026-11-25", time: null });
    rec(s.clients.delta, s.ids.vera, { kind: "lost", reason: "went_with_leaver" });

    const data = handoverChartData(h.db, { teamId: 1, handoverId: s.handoverId, timezone: "Europe/Moscow", today: "2026-11-23" });
    expect(data.rows.map(({ memberId: _, ...r }) => r)).toEqual([
      { name: "Борис", reached: 1, noAnswer: 1, callBack: 1, lost: 0, notCalled: 0 },
      { name: "Вера", reached: 0, noAnswer: 0, callBack: 0, lost: 1, notCalled: 0 },
    ]);
    expect(data.total).toBe(4);
    expect(data.lostReasons).toEqual({ went_with_leaver: 1 });
    expect(data.madeOn).toEqual(["2026-11-23", "2026-11-23"]);
    expect(data.startedOn).toBe("2026-11-23");
  });

  it("a handover with no calls at all: empty rows, started today", async () => {
    const empty = handoverChartData(h.db, { teamId: 1, handoverId: 999, timezone: "Europe/Moscow", today: "2026-11-23" });
    expect(empty).toEqual({ startedOn: "2026-11-23", due: null, total: 0, rows: [], lostReasons: {}, madeOn: [], dueOn: [] });
  });
});
