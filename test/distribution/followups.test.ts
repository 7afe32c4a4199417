import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, distributions } from "../../src/db/schema.js";
import { applyDistribution } from "../../src/distribution/apply.js";
import { proposeForHandover } from "../../src/distribution/propose.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { seedHandover } from "./distribution-fixtures.js";
import { BOT_INFO, createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedManyClients } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T22:00:00+03:00" }); // late evening: no nag is due
});
afterEach(() => h.close());

const deps = () => ({ db: h.db, clock: h.clock, logger: h.deps.logger, config: h.config, i18n: h.bot.i18n, botUsername: BOT_INFO.username });

/** An applied distribution whose follow-up has not run, as after a crash between the two. */
async function appliedWithoutFollowUp() {
  await h.createTeam(100);
  await h.join(200, "manager", { first_name: "Борис" });
  const leaver = await h.join(203, "manager", { first_name: "Иван" });
  const leaverId = memberIdOf(h.db, leaver.id);
  seedManyClients(h.db, 1, leaverId, 4);
  const handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: memberIdOf(h.db, 100) });
  const proposed = proposeForHandover(h.db, { teamId: 1, handoverId, actorId: memberIdOf(h.db, 100), now: h.clock.now() });
  if (!proposed.ok) throw new Error(proposed.reason);
  applyDistribution(h.db, { distributionId: proposed.view.distributionId, teamId: 1, actorId: memberIdOf(h.db, 100), now: h.clock.now() });
  return proposed.view.distributionId;
}

describe("distribution follow-ups on the scheduler's tick", () => {
  it("are finished at any hour, and a failing one is retried after a pause, not every minute", async () => {
    await appliedWithoutFollowUp();
    const scheduler = createScheduler(deps());
    h.db.$client.exec(`CREATE TRIGGER calls_fail BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    scheduler.tick();
    expect(h.errors().map((e) => e.msg)).toEqual(["distribution follow-up failed; will try again later"]);

    h.db.$client.exec(`DROP TRIGGER calls_fail`);
    h.clock.advance(60_000);
    scheduler.tick();
    expect(h.db.select().from(calls).all()).toHaveLength(0); // not yet: it failed a minute ago

    h.clock.advance(15 * 60_000);
    scheduler.tick();
    expect(h.db.select().from(calls).all()).toHaveLength(4);
    expect(h.db.select().from(distributions).get()!.followedUpAt).toBe(h.clock.now().getTime());
    expect(h.errors()).toHaveLength(1);
  });

  it("never cost the tick its nags when the look-up itself fails", async () => {
    await appliedWithoutFollowUp();
    h.db.$client.exec(`ALTER TABLE distributions RENAME TO distributions_gone`);
    const scheduler = createScheduler(deps());
    expect(() => scheduler.tick()).not.toThrow();
    expect(h.errors().map((e) => e.msg)).toContain("could not look for pending distribution follow-ups");
  });
});
