import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobRuns } from "../../src/db/schema.js";
import { createScheduler, dueSlot, runJobNow } from "../../src/jobs/scheduler.js";
import type { JobDefinition } from "../../src/jobs/types.js";
import { createHarness, type Harness, BOT_INFO } from "../support/harness.js";
import { seedManyClients } from "../support/seed.js";
import { setTeam } from "./fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T08:00:00+03:00" }); // a Monday
});
afterEach(() => h.close());

const nagsTo = (chatId: number) => h.calls("sendMessage").filter((c) => c.payload.chat_id === chatId && String(c.payload.text).includes("без менеджера"));
const deps = () => ({ db: h.db, clock: h.clock, logger: h.deps.logger, config: h.config, i18n: h.bot.i18n, botUsername: BOT_INFO.username });

/** A job that records when it ran. */
function probe(name: string, hours: number[], log: string[], fail = false): JobDefinition {
  return {
    name,
    slots: () => hours.map((hour, i) => ({ hour, kind: i === 0 ? "digest" : "afternoon" })),
    run: (_deps, team, _now, slot) => {
      if (fail) throw new Error("boom");
      log.push(`${name}:${team.id}:${slot.key}:${slot.kind}`);
      return 0;
    },
  };
}

describe("scheduler", () => {
  it("runs a job at its slot in the team's time zone, once per slot", async () => {
    await h.createTeam();
    seedManyClients(h.db, 1, null, 2);
    h.tick(); // 08:00 Moscow: before the digest hour
    expect(nagsTo(100)).toHaveLength(0);
    h.clock.set("2026-11-23T09:00:00+03:00");
    const runs = h.tick();
    expect(runs.map((r) => r.job)).toEqual(expect.arrayContaining(["daily-digest", "unassigned-nag", "deadline-nag", "overdue-calls-nag", "checklist-nag", "unreachable-nag"]));
    expect(runs.every((r) => r.slot === "2026-11-23T09" && !r.madeUp)).toBe(true);
    for (const minute of ["01", "30", "59"]) {
      h.clock.set(`2026-11-23T09:${minute}:00+03:00`);
      expect(h.tick()).toEqual([]);
    }
    h.restart();
    expect(h.tick()).toEqual([]); // the record is in the database, not in memory
    await h.drainOutbox();
    expect(nagsTo(100)).toHaveLength(1);
    expect(h.db.select().from(jobRuns).all().find((r) => r.job === "unassigned-nag")).toMatchObject({ teamId: 1, lastSlot: "2026-11-23T09" });
  });

  it("makes up a run missed while the bot was down, once, but never yesterday's", async () => {
    await h.createTeam();
    seedManyClients(h.db, 1, null, 2);
    // Down over the 09:00 slot; starts at 11:20.
    h.clock.set("2026-11-23T11:20:00+03:00");
    const made = h.tick().filter((r) => r.job === "unassigned-nag");
    expect(made).toEqual([{ job: "unassigned-nag", teamId: 1, slot: "2026-11-23T09", enqueued: 1, madeUp: true }]);
    expect(h.tick()).toEqual([]);
    await h.drainOutbox();
    expect(nagsTo(100)).toHaveLength(1);

    // Down from Monday noon until Tuesday 10:00: Monday's afternoon slot is not made up on Tuesday;
    // Tuesday's morning slot runs once.
    setTeam(h.db, { timezone: "Europe/Moscow" });
    h.clock.set("2026-11-24T10:00:00+03:00");
    const tuesday = h.tick().filter((r) => r.job === "unassigned-nag");
    expect(tuesday.map((r) => r.slot)).toEqual(["2026-11-24T09"]);
    await h.drainOutbox();
    expect(nagsTo(100)).toHaveLength(2);
  });

  it("keeps quiet outside working days and hours, and waits for the working day to start", async () => {
    const log: string[] = [];
    const scheduler = createScheduler(deps(), [probe("probe", [8, 20], log)]);
      await h.createTeam();
      setTeam(h.db, { workStartHour: 10, workEndHour: 19 });
      h.clock.set("2026-11-23T08:30:00+03:00");
      scheduler.tick();
      expect(log).toEqual([]); // slot at 8, but the day starts at 10
      h.clock.set("2026-11-23T10:00:00+03:00");
      scheduler.tick();
      expect(log).toEqual(["probe:1:2026-11-23T08:digest"]);
      h.clock.set("2026-11-23T20:30:00+03:00");
      scheduler.tick(); // 20:00 is after hours: quiet
      h.clock.set("2026-11-28T11:00:00+03:00");
      scheduler.tick(); // Saturday
      expect(log).toEqual(["probe:1:2026-11-23T08:digest"]);
      setTeam(h.db, { workingDays: "1,2,3,4,5,6" });
      scheduler.tick();
      expect(log).toEqual(["probe:1:2026-11-23T08:digest", "probe:1:2026-11-28T08:digest"]);
  });

  it("follows each team's own time zone", async () => {
    const log: string[] = [];
    const scheduler = createScheduler(deps(), [probe("probe", [9], log)]);
    await h.createTeam();
    await h.createTeam(300, "Екатеринбург");
    setTeam(h.db, { timezone: "Asia/Yekaterinburg" }, 2);
    h.clock.set("2026-11-23T06:59:00+03:00"); // 08:59 in Yekaterinburg
    scheduler.tick();
    expect(log).toEqual([]);
    h.clock.set("2026-11-23T07:00:00+03:00"); // 09:00 in Yekaterinburg, 07:00 in Moscow
    scheduler.tick();
    expect(log).toEqual(["probe:2:2026-11-23T09:digest"]);
    h.clock.set("2026-11-23T09:00:00+03:00");
    scheduler.tick();
    expect(log).toEqual(["probe:2:2026-11-23T09:digest", "probe:1:2026-11-23T09:digest"]);
  });

  it("runs the later slot once when both have passed, and a failing job does not stop the others", async () => {
    const log: string[] = [];
    await h.createTeam();
    const scheduler = createScheduler(deps(), [probe("bad", [9], log, true), probe("good", [9, 15], log)]);
    h.clock.set("2026-11-23T16:00:00+03:00");
    scheduler.tick();
    scheduler.tick();
    expect(log).toEqual(["good:1:2026-11-23T15:afternoon"]);
    expect(h.errors().filter((e) => e.msg?.includes("job failed"))).toHaveLength(1); // retried later, not every minute
    expect(h.db.select().from(jobRuns).all().map((r) => r.job)).toEqual(["good"]);
  });

  it("computes the due slot from the team's settings", async () => {
    await h.createTeam();
    setTeam(h.db, { digestHour: 10, afternoonNagHour: 16 });
    const job = probe("p", [10, 16], []);
    const team = h.team();
    job.slots = (t) => [{ hour: t.digestHour, kind: "digest" }, { hour: t.afternoonNagHour, kind: "afternoon" }];
    expect(dueSlot(job, team, new Date("2026-11-23T09:59:00+03:00"))).toBeNull();
    expect(dueSlot(job, team, new Date("2026-11-23T10:00:00+03:00"))).toMatchObject({ key: "2026-11-23T10", kind: "digest" });
    expect(dueSlot(job, team, new Date("2026-11-23T18:59:00+03:00"))).toMatchObject({ key: "2026-11-23T16", kind: "afternoon" });
    expect(dueSlot(job, team, new Date("2026-11-23T19:00:00+03:00"))).toBeNull();
  });

  it("runs one job now for one team on request (npm run job), whatever the hour", async () => {
    await h.createTeam();
    await h.createTeam(300, "Вторая");
    seedManyClients(h.db, 1, null, 1);
    seedManyClients(h.db, 2, null, 1);
    h.clock.set("2026-11-28T22:00:00+03:00"); // a Saturday night
    expect(runJobNow(deps(), "unassigned-nag", { teamId: 2 })).toEqual({ teams: 1, enqueued: 1 });
    await h.drainOutbox();
    expect(nagsTo(300)).toHaveLength(1);
    expect(nagsTo(100)).toHaveLength(0);
    expect(() => runJobNow(deps(), "no-such-job")).toThrow(/unknown job "no-such-job"/);
    expect(h.db.select().from(jobRuns).all()).toEqual([]);
  });
});
