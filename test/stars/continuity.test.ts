import { describe, expect, it } from "vitest";
import { planDistribution, type PlanClient, type PlanManager } from "../../src/distribution/plan.js";
import { preferKnownManagers } from "../../src/stars/continuity.js";

const manager = (id: number): PlanManager => ({ id, weight: 1, excluded: false, departing: false, load: { hot: 0, warm: 0, cold: 0 }, cap: null });
const client = (id: number, temperature: PlanClient["temperature"], company: string | null = null, nextContactOn: string | null = null): PlanClient => ({ id, temperature, company, nextContactOn, deadlineOn: null });
const TODAY = "2026-11-23";

function tally(plan: { assignments: { clientId: number; managerId: number }[] }, clients: PlanClient[]) {
  const out: Record<string, number> = {};
  for (const a of plan.assignments) {
    const c = clients.find((x) => x.id === a.clientId)!;
    const key = `${a.managerId}:${c.temperature}:${c.nextContactOn ? "soon" : "-"}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe("continuity in a distribution", () => {
  it("gives clients to a manager who knows them without changing anyone's load, temperature mix or near-term count", () => {
    const clients = [
      ...Array.from({ length: 12 }, (_, i) => client(i + 1, (["hot", "warm", "cold"] as const)[i % 3]!)),
      client(13, "warm", null, "2026-11-24"),
      client(14, "warm", null, "2026-11-25"),
    ];
    const managers = [manager(1), manager(2), manager(3)];
    const fair = planDistribution({ clients, managers, today: TODAY });
    // Manager 3 knows every client that the fair plan gave to manager 1, and manager 1 knows client 13.
    const voices = new Map<number, Set<number>>();
    for (const a of fair.assignments) if (a.managerId === 1) voices.set(a.clientId, new Set([3]));
    voices.set(13, new Set([1]));
    const better = preferKnownManagers(fair, clients, voices, TODAY);
    expect(tally(better, clients)).toEqual(tally(fair, clients));
    const known = (p: typeof fair) => p.assignments.filter((a) => voices.get(a.clientId)?.has(a.managerId)).length;
    expect(known(fair)).toBeLessThanOrEqual(1);
    expect(known(better)).toBeGreaterThanOrEqual(known(fair) + 3);
  });

  it("never splits a company group and changes nothing without voices", () => {
    const clients = [client(1, "warm", "Ромашка"), client(2, "warm", "ромашка "), client(3, "warm"), client(4, "warm")];
    const fair = planDistribution({ clients, managers: [manager(1), manager(2)], today: TODAY });
    expect(preferKnownManagers(fair, clients, new Map(), TODAY)).toBe(fair);
    const ownerOfGroup = fair.assignments.find((a) => a.clientId === 1)!.managerId;
    const other = ownerOfGroup === 1 ? 2 : 1;
    const better = preferKnownManagers(fair, clients, new Map([[1, new Set([other])]]), TODAY);
    expect(better.assignments.find((a) => a.clientId === 1)!.managerId).toBe(ownerOfGroup);
    expect(better.assignments.find((a) => a.clientId === 2)!.managerId).toBe(ownerOfGroup);
  });
});
