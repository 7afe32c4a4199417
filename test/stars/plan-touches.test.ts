import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../src/db/client.js";
import { calls, members, teams } from "../../src/db/schema.js";
import { planWeekTouches, releaseTouchesOfLeavers, weekOf } from "../../src/stars/plan-touches.js";
import { starLineOf, starLinesOfTeam } from "../../src/stars/star-index.js";
import { recordTouch } from "../../src/stars/voices.js";
import { seedMember, seedTeam } from "../calls/calls.fixtures.js";
import { seedClients } from "../support/seed.js";

const NOW = new Date("2026-11-23T09:00:00+03:00"); // Monday
let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => closeDatabase(db));

function team(id: number) {
  return db.select().from(teams).where(eq(teams.id, id)).get()!;
}

function scene(caps: { maria?: number | null; boris?: number | null; lead?: number | null } = {}) {
  const teamId = seedTeam(db);
  const lead = seedMember(db, teamId, "Анна", "lead", 100);
  const maria = seedMember(db, teamId, "Мария", "manager", 200);
  const boris = seedMember(db, teamId, "Борис", "manager", 300);
  for (const [id, cap] of [[lead, caps.lead], [maria, caps.maria], [boris, caps.boris]] as const) {
    if (cap !== undefined) db.update(members).set({ starsCap: cap }).where(eq(members.id, id)).run();
  }
  const temps = ["cold", "warm", "hot"] as const;
  const mariaClients = seedClients(db, teamId, Array.from({ length: 12 }, (_, i) => ({ name: `M${i}`, ownerId: maria, temperature: temps[i % 3] })));
  const borisClients = seedClients(db, teamId, Array.from({ length: 3 }, (_, i) => ({ name: `B${i}`, ownerId: boris, temperature: "warm" as const })));
  return { teamId, lead, maria, boris, mariaClients, borisClients };
}

describe("star index", () => {
  it("counts clients with no voice but the owner's, and a touch by someone else within the window lowers it", () => {
    const s = scene();
    expect(starLineOf(db, team(s.teamId), s.maria, NOW)).toMatchObject({ clients: 12, singleVoice: 12, hotSingleVoice: 4 });
    recordTouch(db, { teamId: s.teamId, clientId: s.mariaClients[2]!, memberId: s.boris, at: NOW.getTime(), source: "call" });
    recordTouch(db, { teamId: s.teamId, clientId: s.mariaClients[1]!, memberId: s.maria, at: NOW.getTime(), source: "call" }); // the owner: no change
    // A touch 13 months old no longer counts (window 12 months).
    recordTouch(db, { teamId: s.teamId, clientId: s.mariaClients[5]!, memberId: s.lead, at: NOW.getTime() - 400 * 86_400_000, source: "import" });
    expect(starLineOf(db, team(s.teamId), s.maria, NOW)).toMatchObject({ clients: 12, singleVoice: 11, hotSingleVoice: 3 });
    const lines = starLinesOfTeam(db, team(s.teamId), NOW);
    expect(lines.map((l) => [l.name, l.clients, l.singleVoice])).toEqual([
      ["Борис", 3, 3],
      ["Мария", 12, 11],
    ]);
  });
});

describe("weekly plan", () => {
  it("plans hot first, never to the owner, fairly within caps, spread over the week, once a week", () => {
    const s = scene({ lead: 2, maria: 3, boris: 4 });
    const result = planWeekTouches(db, team(s.teamId), NOW);
    expect(result).toMatchObject({ status: "planned", week: "2026-11-23", planned: 9 });
    const planned = db.select().from(calls).where(eq(calls.kind, "second_voice")).all();
    for (const c of planned) {
      const ownerIsAssignee = s.mariaClients.includes(c.clientId) ? c.assigneeId === s.maria : c.assigneeId === s.boris;
      expect(ownerIsAssignee).toBe(false);
    }
    const byAssignee = (id: number) => planned.filter((c) => c.assigneeId === id).length;
    expect([byAssignee(s.lead), byAssignee(s.maria), byAssignee(s.boris)]).toEqual([2, 3, 4]);
    expect(planned.find((c) => c.assigneeId === s.lead)!.touchKind).toBe("lead");
    // Maria's hot clients come first: all four are planned.
    const hot = s.mariaClients.filter((_, i) => i % 3 === 2);
    expect(hot.every((id) => planned.some((c) => c.clientId === id))).toBe(true);
    expect(new Set(planned.map((c) => c.dueOn)).size).toBeGreaterThan(1);
    expect(planWeekTouches(db, team(s.teamId), NOW)).toMatchObject({ status: "already_planned" });
  });

  it("says why nothing is planned: paused, everybody opted out, a team of one", () => {
    const s = scene({ lead: 0, maria: 0, boris: 0 });
    expect(planWeekTouches(db, team(s.teamId), NOW)).toMatchObject({ status: "no_callers", reason: "all_opted_out" });
    db.update(teams).set({ starsPaused: true }).where(eq(teams.id, s.teamId)).run();
    expect(planWeekTouches(db, team(s.teamId), NOW)).toMatchObject({ status: "paused" });
    const solo = seedTeam(db);
    const only = seedMember(db, solo, "Одна", "lead", 900);
    seedClients(db, solo, [{ name: "К", ownerId: only }]);
    expect(planWeekTouches(db, team(solo), NOW)).toMatchObject({ status: "no_callers", reason: "alone" });
    expect(db.select().from(calls).all()).toEqual([]);
  });

  it("skips clients with an open reactivation call, and moves a leaver's open touches or drops them", () => {
    const s = scene({ lead: 0, maria: 5, boris: 5 });
    db.insert(calls).values({ teamId: s.teamId, clientId: s.mariaClients[2]!, assigneeId: s.maria, kind: "reactivation", dueOn: "2026-11-23", createdAt: 0 }).run();
    planWeekTouches(db, team(s.teamId), NOW);
    const planned = db.select().from(calls).where(eq(calls.kind, "second_voice")).all();
    expect(planned.some((c) => c.clientId === s.mariaClients[2])).toBe(false);
    expect(planned.filter((c) => c.assigneeId === s.boris)).toHaveLength(5);
    // Boris leaves mid-week: his touches on Maria's clients cannot go to Maria (the owner), the lead opted out: dropped.
    db.update(members).set({ status: "departing" }).where(eq(members.id, s.boris)).run();
    expect(releaseTouchesOfLeavers(db, team(s.teamId), NOW)).toEqual({ moved: 0, dropped: 5, members: [s.boris] });
    // Maria's touches on Boris's clients stay with her.
    expect(db.select().from(calls).where(eq(calls.assigneeId, s.maria)).all().filter((c) => c.status === "open").length).toBeGreaterThan(0);
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
  });
});

describe("import headers for other managers", () => {
  it("reads «Второй менеджер», «Кто ещё вёл» and 'Other managers' as the voices column", async () => {
    const { planColumns } = await import("../../src/clients/import/header-synonyms.js");
    expect(planColumns(["ФИО", "Ответственный", "Второй менеджер"]).voices).toBe(2);
    expect(planColumns(["ФИО", "Кто ещё вёл"]).voices).toBe(1);
    expect(planColumns(["Name", "Owner", "Other managers"])).toMatchObject({ owner: 1, voices: 2 });
  });
});
