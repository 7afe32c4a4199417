import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  planDistribution,
  type PlanClient,
  type PlanInput,
  type PlanManager,
  type PlanResult,
  type Temperature,
} from "../../src/distribution/plan.js";

const TODAY = "2026-11-23";
const TEMPERATURES: Temperature[] = ["hot", "warm", "cold"];

// --- builders ------------------------------------------------------------------------------------

function manager(id: number, over: Partial<PlanManager> = {}): PlanManager {
  return { id, weight: 1, excluded: false, departing: false, load: { hot: 0, warm: 0, cold: 0 }, cap: null, ...over };
}

function client(id: number, temperature: Temperature = "warm", over: Partial<PlanClient> = {}): PlanClient {
  return { id, temperature, company: null, nextContactOn: null, deadlineOn: null, ...over };
}

function clients(count: number, temperature: Temperature, firstId = 1, over: Partial<PlanClient> = {}): PlanClient[] {
  return Array.from({ length: count }, (_, i) => client(firstId + i, temperature, over));
}

function plan(cs: PlanClient[], ms: PlanManager[], extra: Partial<PlanInput> = {}): PlanResult {
  return planDistribution({ clients: cs, managers: ms, today: TODAY, ...extra });
}

function ownerMap(result: PlanResult): Map<number, number> {
  return new Map(result.assignments.map((a) => [a.clientId, a.managerId]));
}

function addedOf(result: PlanResult, managerId: number): Record<Temperature, number> {
  const row = result.perManager.find((p) => p.managerId === managerId);
  if (!row) throw new Error(`no perManager row for ${managerId}`);
  return row.added;
}

function sumAdded(a: Record<Temperature, number>): number {
  return a.hot + a.warm + a.cold;
}

function spread(values: number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

/** Near-term clients per manager, read from the assignments (not from the summary under test). */
function soonPerManager(result: PlanResult, cs: PlanClient[], limit: string): number[] {
  const soon = new Set(
    cs.filter((c) => (c.nextContactOn !== null && c.nextContactOn <= limit) || (c.deadlineOn !== null && c.deadlineOn <= limit)).map((c) => c.id),
  );
  const counts = new Map(result.perManager.map((p) => [p.managerId, 0]));
  for (const a of result.assignments) if (soon.has(a.clientId)) counts.set(a.managerId, (counts.get(a.managerId) ?? 0) + 1);
  return [...counts.values()];
}

// --- arbitraries ---------------------------------------------------------------------------------

const temperatureArb = fc.constantFrom<Temperature>("hot", "warm", "cold");
/** A date within ±20 days of TODAY, or none. */
const maybeDateArb = fc.option(
  fc.integer({ min: -20, max: 20 }).map((d) => new Date(Date.UTC(2026, 10, 23 + d)).toISOString().slice(0, 10)),
  { nil: null },
);
/** Small pool so companies collide, with spelling variants and blanks. */
const companyArb = fc.option(
  fc.constantFrom("Ромашка", "ромашка ", " РОМАШКА", "Рома шка", "Acme", "ACME", "acme  ", "Globex", "Initech", "", "   "),
  { nil: null },
);

function clientsArb(opts: { companies: boolean; maxLength?: number }) {
  return fc
    .array(
      fc.record({ temperature: temperatureArb, company: opts.companies ? companyArb : fc.constant(null), nextContactOn: maybeDateArb, deadlineOn: maybeDateArb }),
      { maxLength: opts.maxLength ?? 120 },
    )
    .chain((rows) =>
      // Unique, unordered ids.
      fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: rows.length, maxLength: rows.length }).map((ids) =>
        rows.map((r, i): PlanClient => ({ id: ids[i]!, ...r })),
      ),
    );
}

const anyManagersArb = fc
  .array(
    fc.record({
      weight: fc.constantFrom(0.5, 1, 1, 1.5, 2, 0),
      excluded: fc.boolean(),
      departing: fc.boolean(),
      load: fc.record({ hot: fc.nat(15), warm: fc.nat(15), cold: fc.nat(15) }),
      cap: fc.option(fc.nat(40), { nil: null }),
    }),
    { maxLength: 8 },
  )
  .chain((rows) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: rows.length, maxLength: rows.length }).map((ids) =>
      rows.map((r, i): PlanManager => ({ id: ids[i]!, ...r })),
    ),
  );

function equalManagers(count: number, load = 0): PlanManager[] {
  return Array.from({ length: count }, (_, i) => manager(i + 1, { load: { hot: load, warm: load, cold: load } }));
}

const isEligible = (m: PlanManager) => !m.excluded && !m.departing && m.weight > 0;

// --- properties ----------------------------------------------------------------------------------

describe("planDistribution: properties", () => {
  it("assigns every client exactly once, to an eligible manager; unassigned only without eligible managers", () => {
    fc.assert(
      fc.property(clientsArb({ companies: true }), anyManagersArb, (cs, ms) => {
        const result = plan(cs, ms);
        const eligible = new Set(ms.filter(isEligible).map((m) => m.id));
        const seen = [...result.assignments.map((a) => a.clientId), ...result.unassigned].sort((a, b) => a - b);
        expect(seen).toEqual(cs.map((c) => c.id).sort((a, b) => a - b));
        if (eligible.size === 0) {
          expect(result.assignments).toEqual([]);
        } else {
          expect(result.unassigned).toEqual([]);
          for (const a of result.assignments) expect(eligible.has(a.managerId)).toBe(true);
        }
      }),
    );
  });

  it("excluded, departing and zero-weight managers get nothing and are not listed", () => {
    fc.assert(
      fc.property(clientsArb({ companies: true }), anyManagersArb, (cs, ms) => {
        const result = plan(cs, ms);
        const ineligible = new Set(ms.filter((m) => !isEligible(m)).map((m) => m.id));
        for (const a of result.assignments) expect(ineligible.has(a.managerId)).toBe(false);
        for (const p of result.perManager) expect(ineligible.has(p.managerId)).toBe(false);
        expect(result.perManager.map((p) => p.managerId)).toEqual(ms.filter(isEligible).map((m) => m.id).sort((a, b) => a - b));
      }),
    );
  });

  it("the per-manager summary matches the assignments, loads and caps", () => {
    fc.assert(
      fc.property(clientsArb({ companies: true }), anyManagersArb, (cs, ms) => {
        const result = plan(cs, ms);
        const temperatureOf = new Map(cs.map((c) => [c.id, c.temperature]));
        for (const p of result.perManager) {
          const m = ms.find((x) => x.id === p.managerId)!;
          const added = { hot: 0, warm: 0, cold: 0 };
          for (const a of result.assignments) if (a.managerId === p.managerId) added[temperatureOf.get(a.clientId)!]++;
          expect(p.added).toEqual(added);
          expect(p.total).toBe(m.load.hot + m.load.warm + m.load.cold + sumAdded(added));
          expect(p.overCap).toBe(m.cap !== null && p.total > m.cap);
        }
      }),
    );
  });

  it("never splits a company (case/space-insensitive)", () => {
    fc.assert(
      fc.property(clientsArb({ companies: true }), anyManagersArb, (cs, ms) => {
        const owner = ownerMap(plan(cs, ms));
        const byCompany = new Map<string, Set<number | undefined>>();
        for (const c of cs) {
          const key = c.company?.replace(/\s+/g, "").toLowerCase();
          if (!key) continue;
          if (!byCompany.has(key)) byCompany.set(key, new Set());
          byCompany.get(key)!.add(owner.get(c.id));
        }
        for (const owners of byCompany.values()) expect(owners.size).toBe(1);
      }),
    );
  });

  it("gives the same output for the same input in any order", () => {
    fc.assert(
      fc.property(
        clientsArb({ companies: true }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
        anyManagersArb.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length }))),
        ([cs, csShuffled], [ms, msShuffled]) => {
          expect(plan(csShuffled, msShuffled)).toEqual(plan(cs, ms));
        },
      ),
    );
  });

  it("equal weights, zero loads, no companies: per temperature any two managers differ by at most one, overall too", () => {
    fc.assert(
      fc.property(clientsArb({ companies: false, maxLength: 300 }), fc.integer({ min: 1, max: 12 }), (cs, m) => {
        const result = plan(cs, equalManagers(m));
        for (const t of TEMPERATURES) expect(spread(result.perManager.map((p) => p.added[t]))).toBeLessThanOrEqual(1);
        expect(spread(result.perManager.map((p) => p.total))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("equal weights and equal non-zero loads: the same ±1 balance", () => {
    fc.assert(
      fc.property(clientsArb({ companies: false, maxLength: 300 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 50 }), (cs, m, load) => {
        const result = plan(cs, equalManagers(m, load));
        for (const t of TEMPERATURES) expect(spread(result.perManager.map((p) => p.added[t]))).toBeLessThanOrEqual(1);
        expect(spread(result.perManager.map((p) => p.total))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("equal weights, zero loads: near-term clients are spread within ±2 (best effort after the ±1 balances)", () => {
    fc.assert(
      fc.property(clientsArb({ companies: false, maxLength: 300 }), fc.integer({ min: 1, max: 12 }), (cs, m) => {
        const result = plan(cs, equalManagers(m));
        expect(spread(soonPerManager(result, cs, "2026-11-30"))).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("unequal loads even out: the resulting per-temperature loads differ by at most one where new clients landed", () => {
    fc.assert(
      fc.property(
        clientsArb({ companies: false, maxLength: 200 }),
        fc.array(fc.record({ hot: fc.nat(30), warm: fc.nat(30), cold: fc.nat(30) }), { minLength: 1, maxLength: 8 }),
        (cs, loads) => {
          const ms = loads.map((load, i) => manager(i + 1, { load }));
          const result = plan(cs, ms);
          for (const t of TEMPERATURES) {
            const levels = ms.map((m) => m.load[t] + addedOf(result, m.id)[t]);
            const receivers = ms.filter((m) => addedOf(result, m.id)[t] > 0).map((m) => m.load[t] + addedOf(result, m.id)[t]);
            // Whoever received ends at most one above the lowest level: water-filling.
            if (receivers.length > 0) expect(Math.max(...receivers) - Math.min(...levels)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it("respects weights proportionally (within a couple of clients)", () => {
    fc.assert(
      fc.property(
        clientsArb({ companies: false, maxLength: 300 }),
        fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3), { minLength: 1, maxLength: 6 }),
        (cs, weights) => {
          const ms = weights.map((weight, i) => manager(i + 1, { weight }));
          const result = plan(cs, ms);
          const totalWeight = weights.reduce((a, b) => a + b, 0);
          ms.forEach((m) => {
            const added = addedOf(result, m.id);
            const share = m.weight / totalWeight;
            for (const t of TEMPERATURES) {
              const n = cs.filter((c) => c.temperature === t).length;
              expect(Math.abs(added[t] - n * share)).toBeLessThanOrEqual(2);
            }
            expect(Math.abs(sumAdded(added) - cs.length * share)).toBeLessThanOrEqual(3);
          });
        },
      ),
    );
  });

  it("stays under caps whenever the total room allows it (no companies)", () => {
    fc.assert(
      fc.property(
        clientsArb({ companies: false, maxLength: 80 }),
        fc.array(fc.record({ cap: fc.option(fc.nat(40), { nil: null }), load: fc.nat(10) }), { minLength: 1, maxLength: 6 }),
        (cs, rows) => {
          const ms = rows.map((r, i) => manager(i + 1, { cap: r.cap, load: { hot: r.load, warm: 0, cold: 0 } }));
          const room = ms.reduce((sum, m) => sum + (m.cap === null ? Infinity : Math.max(0, m.cap - m.load.hot)), 0);
          const result = plan(cs, ms);
          if (room >= cs.length) {
            for (const p of result.perManager) {
              const m = ms.find((x) => x.id === p.managerId)!;
              if (m.cap !== null && m.load.hot <= m.cap) expect(p.overCap).toBe(false);
            }
          }
        },
      ),
    );
  });
});

// --- examples ------------------------------------------------------------------------------------

describe("planDistribution: examples", () => {
  it("no eligible manager → everything unassigned, sorted", () => {
    const cs = [client(3), client(1), client(2)];
    expect(plan(cs, [])).toEqual({ assignments: [], unassigned: [1, 2, 3], perManager: [] });
    const nobody = [manager(1, { excluded: true }), manager(2, { departing: true }), manager(3, { weight: 0 })];
    expect(plan(cs, nobody)).toEqual({ assignments: [], unassigned: [1, 2, 3], perManager: [] });
  });

  it("no clients → empty plan with zero rows for eligible managers", () => {
    const result = plan([], [manager(2), manager(1)]);
    expect(result.assignments).toEqual([]);
    expect(result.perManager).toEqual([
      { managerId: 1, added: { hot: 0, warm: 0, cold: 0 }, total: 0, overCap: false },
      { managerId: 2, added: { hot: 0, warm: 0, cold: 0 }, total: 0, overCap: false },
    ]);
  });

  it("splits each temperature evenly; output sorted by client id", () => {
    const cs = [...clients(6, "hot", 1), ...clients(3, "warm", 7), ...clients(3, "cold", 10)];
    const result = plan(cs, equalManagers(3));
    expect(result.assignments.map((a) => a.clientId)).toEqual(cs.map((c) => c.id));
    for (const id of [1, 2, 3]) expect(addedOf(result, id)).toEqual({ hot: 2, warm: 1, cold: 1 });
  });

  it("the odd one out rotates between temperatures instead of piling on the lowest id", () => {
    const result = plan([client(1, "hot"), client(2, "warm"), client(3, "cold")], equalManagers(3));
    expect(result.perManager.map((p) => p.total)).toEqual([1, 1, 1]);
  });

  it("takes current load into account (water-filling per temperature)", () => {
    const ms = [manager(1, { load: { hot: 6, warm: 0, cold: 0 } }), manager(2)];
    const result = plan([...clients(8, "hot", 1), ...clients(2, "warm", 9)], ms);
    expect(addedOf(result, 1).hot).toBe(1); // 6+1 = 7
    expect(addedOf(result, 2).hot).toBe(7); // 0+7 = 7
    expect(addedOf(result, 1).warm).toBe(1); // warm is balanced on its own
    expect(addedOf(result, 2).warm).toBe(1);
  });

  it("a manager already far ahead gets none of that temperature", () => {
    const ms = [manager(1, { load: { hot: 50, warm: 0, cold: 0 } }), manager(2)];
    expect(addedOf(plan(clients(10, "hot"), ms), 1).hot).toBe(0);
  });

  it("weights: a part-timer (0.5) gets half of a full-timer", () => {
    const ms = [manager(1, { weight: 1 }), manager(2, { weight: 0.5 }), manager(3, { weight: 1 })];
    const result = plan(clients(50, "cold"), ms);
    expect(result.perManager.map((p) => p.added.cold)).toEqual([20, 10, 20]);
  });

  it("weight 2 vs 1 → two thirds and one third", () => {
    const result = plan([...clients(30, "hot", 1), ...clients(60, "warm", 31)], [manager(1, { weight: 2 }), manager(2)]);
    expect(addedOf(result, 1)).toEqual({ hot: 20, warm: 40, cold: 0 });
    expect(addedOf(result, 2)).toEqual({ hot: 10, warm: 20, cold: 0 });
  });

  it("rounds without favouring the bigger weight (Webster): 6 clients over weights 3 and 1 → 4 and 2", () => {
    // Exact shares are 4.5 and 1.5; D'Hondt-style rounding (level + 1) would give 5 / 1.
    const result = plan(clients(6, "hot"), [manager(1, { weight: 3 }), manager(2)]);
    expect(result.perManager.map((p) => p.added.hot)).toEqual([4, 2]);
  });

  it("excluded and departing managers get nothing", () => {
    const ms = [manager(1, { excluded: true }), manager(2), manager(3, { departing: true }), manager(4)];
    const result = plan(clients(10, "hot"), ms);
    expect(new Set(result.assignments.map((a) => a.managerId))).toEqual(new Set([2, 4]));
    expect(result.perManager.map((p) => p.managerId)).toEqual([2, 4]);
  });

  it("keeps a company together, however it is spelled", () => {
    const cs = [
      client(1, "hot", { company: "ООО Ромашка" }),
      client(2, "cold", { company: " ооо  ромашка " }),
      client(3, "warm", { company: "ООО РОМАШКА" }),
      client(4, "hot", { company: "ОООРомашка" }),
      client(5, "hot"),
      client(6, "hot"),
    ];
    const owner = ownerMap(plan(cs, equalManagers(2)));
    expect(new Set([1, 2, 3, 4].map((id) => owner.get(id))).size).toBe(1);
  });

  it("blank companies and companies with a single client are not groups", () => {
    const cs = [client(1, "hot", { company: "" }), client(2, "hot", { company: "   " }), client(3, "hot", { company: "Solo" }), client(4, "hot")];
    const result = plan(cs, equalManagers(4));
    expect(result.perManager.map((p) => p.added.hot)).toEqual([1, 1, 1, 1]);
  });

  it("balances around a big group: singles go to the others", () => {
    const cs = [...clients(6, "warm", 1, { company: "Big" }), ...clients(6, "warm", 7)];
    const result = plan(cs, equalManagers(2));
    expect(result.perManager.map((p) => p.added.warm)).toEqual([6, 6]);
    const owner = ownerMap(result);
    expect(new Set([1, 2, 3, 4, 5, 6].map((id) => owner.get(id))).size).toBe(1);
  });

  it("two groups go to different managers", () => {
    const cs = [...clients(3, "hot", 1, { company: "A" }), ...clients(3, "hot", 4, { company: "B" })];
    const owner = ownerMap(plan(cs, equalManagers(2)));
    expect(owner.get(1)).not.toBe(owner.get(4));
  });

  describe("near-term clients (next contact or deadline within soonDays)", () => {
    it("are spread evenly even when they all sit at the start of the id range", () => {
      const cs = [
        ...clients(4, "hot", 1, { nextContactOn: "2026-11-24" }),
        ...clients(4, "hot", 5), // not near-term
      ];
      const result = plan(cs, equalManagers(2));
      expect(soonPerManager(result, cs, "2026-11-30")).toEqual([2, 2]);
    });

    it("count deadlines and overdue dates as near-term", () => {
      const cs = [
        client(1, "warm", { deadlineOn: "2026-11-30" }), // today + 7: near-term
        client(2, "warm", { nextContactOn: "2026-11-01" }), // overdue: near-term
        client(3, "warm", { nextContactOn: "2026-12-01", deadlineOn: "2027-01-01" }), // not
        client(4, "warm"),
      ];
      // Filling by id alone would give 1 and 2 to the same manager.
      const owner = ownerMap(plan(cs, equalManagers(2)));
      expect(owner.get(1)).not.toBe(owner.get(2));
    });

    it("use the soonDays window (default 7)", () => {
      const cs = [...clients(2, "warm", 1, { nextContactOn: "2026-12-01" }), ...clients(2, "warm", 3)]; // today + 8
      const byDefault = ownerMap(plan(cs, equalManagers(2)));
      expect(byDefault.get(1)).toBe(byDefault.get(2)); // not near-term: plain id order
      const wider = ownerMap(plan(cs, equalManagers(2), { soonDays: 8 }));
      expect(wider.get(1)).not.toBe(wider.get(2));
    });

    it("are spread across temperatures", () => {
      // Manager 1 gets the single near-term hot client; the near-term warm one should go to manager 2.
      const cs = [client(1, "hot", { nextContactOn: TODAY }), client(2, "hot"), client(3, "warm", { nextContactOn: TODAY }), client(4, "warm")];
      const owner = ownerMap(plan(cs, equalManagers(2)));
      expect(owner.get(1)).not.toBe(owner.get(3));
    });

    it("an odd near-term client goes to whoever has fewer near-term clients when loads tie", () => {
      // Hot: one each, the near-term one on manager 1. The single cold client is near-term: manager 2 takes it.
      const cs = [client(1, "cold", { nextContactOn: TODAY }), client(2, "hot", { nextContactOn: TODAY }), client(3, "hot")];
      const owner = ownerMap(plan(cs, equalManagers(2)));
      expect(owner.get(1)).not.toBe(owner.get(2));
    });

    it("go where the temperature quota is, when loads differ", () => {
      // Manager 1 already has 10 hot: quotas are 5 and 15; near-term ones split 5/5, not 0/10.
      const ms = [manager(1, { load: { hot: 10, warm: 0, cold: 0 } }), manager(2)];
      const cs = [...clients(10, "hot", 1, { nextContactOn: "2026-11-25" }), ...clients(10, "hot", 11)];
      const result = plan(cs, ms);
      expect(result.perManager.map((p) => p.added.hot)).toEqual([5, 15]);
      expect(soonPerManager(result, cs, "2026-11-30")).toEqual([5, 5]);
    });

    it("the most urgent ones are dealt first, so they do not all land on one manager", () => {
      const cs = [
        client(10, "warm", { deadlineOn: "2026-11-29" }),
        client(11, "warm", { deadlineOn: "2026-11-23" }),
        client(12, "warm", { deadlineOn: "2026-11-28" }),
        client(13, "warm", { deadlineOn: "2026-11-24" }),
      ];
      const owner = ownerMap(plan(cs, equalManagers(2)));
      expect(owner.get(11)).not.toBe(owner.get(13)); // the two most urgent are split
    });
  });

  describe("caps", () => {
    it("prefers managers under their cap", () => {
      const ms = [manager(1, { cap: 2 }), manager(2), manager(3)];
      const result = plan(clients(12, "hot"), ms);
      expect(addedOf(result, 1).hot).toBe(2);
      expect(result.perManager.map((p) => p.added.hot)).toEqual([2, 5, 5]);
      expect(result.perManager.every((p) => !p.overCap)).toBe(true);
    });

    it("the cap counts all temperatures and existing load", () => {
      const ms = [manager(1, { cap: 5, load: { hot: 0, warm: 3, cold: 1 } }), manager(2)];
      const result = plan(clients(6, "hot"), ms);
      expect(addedOf(result, 1).hot).toBe(1);
      expect(result.perManager[0]).toMatchObject({ total: 5, overCap: false });
    });

    it("hot clients get the capacity under a cap first", () => {
      // Manager 1 has room for one client. Cold has the lower id, but hot is placed first and takes the room.
      const ms = [manager(1, { cap: 1 }), manager(2)];
      const result = plan([client(1, "cold"), client(2, "hot")], ms);
      expect(addedOf(result, 1)).toEqual({ hot: 1, warm: 0, cold: 0 });
      expect(addedOf(result, 2)).toEqual({ hot: 0, warm: 0, cold: 1 });
    });

    it("never leaves a client unassigned for a cap: spreads the excess and flags overCap", () => {
      const ms = [manager(1, { cap: 3 }), manager(2, { cap: 3 }), manager(3, { excluded: true })];
      const result = plan(clients(10, "warm"), ms);
      expect(result.unassigned).toEqual([]);
      expect(result.assignments).toHaveLength(10);
      expect(result.perManager).toEqual([
        { managerId: 1, added: { hot: 0, warm: 5, cold: 0 }, total: 5, overCap: true },
        { managerId: 2, added: { hot: 0, warm: 5, cold: 0 }, total: 5, overCap: true },
      ]);
    });

    it("only the capped manager goes over when others have no cap", () => {
      const ms = [manager(1, { cap: 0 }), manager(2)];
      const result = plan(clients(5, "hot"), ms);
      expect(result.perManager.map((p) => p.added.hot)).toEqual([0, 5]);
      expect(result.perManager.map((p) => p.overCap)).toEqual([false, false]);
    });

    it("a group goes to a manager it fits under the cap, else to the least overflow", () => {
      const ms = [manager(1, { cap: 2 }), manager(2, { cap: 10, load: { hot: 5, warm: 0, cold: 0 } })];
      const fits = ownerMap(plan(clients(4, "cold", 1, { company: "Group" }), ms));
      expect(fits.get(1)).toBe(2);
      const ms2 = [manager(1, { cap: 2 }), manager(2, { cap: 4 })];
      const overflow = plan(clients(5, "cold", 1, { company: "Group" }), ms2);
      expect(ownerMap(overflow).get(1)).toBe(2);
      expect(overflow.perManager.map((p) => p.overCap)).toEqual([false, true]);
    });
  });

  // Speed is measured in bench/distribution.bench.ts, not here; this checks only that a large input is whole.
  it("assigns every one of 50,000 clients over 50 managers", () => {
    const temps: Temperature[] = ["hot", "warm", "cold"];
    const cs = Array.from({ length: 50_000 }, (_, i) =>
      client(50_000 - i, temps[i % 3]!, { company: i % 4 === 0 ? `Company ${i % 5000}` : null }),
    );
    const ms = Array.from({ length: 50 }, (_, i) => manager(i + 1, { weight: i % 5 === 0 ? 0.5 : 1, excluded: i === 3 }));
    const result = plan(cs, ms);
    expect(result.assignments).toHaveLength(50_000);
    expect(new Set(result.assignments.map((a) => a.clientId)).size).toBe(50_000);
    expect(result.assignments.some((a) => a.managerId === 4)).toBe(false);
  });
});
