// The weekly `destarring-plan` job. It runs every working day at the team's de-starring hour: a leaver's
// open touches move or drop, owners get yesterday's line, and on (or, made up, after) the team's plan
// day the week's touches are planned once. An operator's run (`npm run job -- destarring-plan`) plans now.
import "./star-chart.js"; // registers the star picture (renderer and weekly part)
import { localDate } from "../platform/calendar.js";
import { teamPeople } from "../nags/recipients.js";
import type { JobDefinition } from "../jobs/types.js";
import { noticeOwners, noticePlan, noticeReleased } from "./notices.js";
import { DAY_MS, ownerDigests } from "./owner-digest.js";
import { planWeekTouches, releaseTouchesOfLeavers, voidStaleTouches, weekdayOf } from "./plan-touches.js";

export const destarringPlan: JobDefinition = {
  name: "destarring-plan",
  slots: (team) => [{ hour: team.starsPlanHour, kind: "digest" }],
  run(deps, team, now, slot) {
    const { db, logger } = deps;
    const people = teamPeople(db, team.id);
    let sent = 0;
    const voided = voidStaleTouches(db, team.id, now);
    const released = releaseTouchesOfLeavers(db, team, now);
    sent += noticeReleased(deps, team, slot, people, released, now);
    sent += noticeOwners(deps, team, slot, people, ownerDigests(db, team.id, now.getTime() - DAY_MS, now.getTime()), now);
    const today = localDate(now, team.timezone);
    if (slot.kind === "manual" || weekdayOf(today) >= team.starsPlanDay) {
      const result = planWeekTouches(db, team, now);
      sent += noticePlan(deps, team, slot, people, result, now);
      logger.info({ teamId: team.id, status: result.status, planned: result.status === "planned" ? result.planned : 0, moved: released.moved, dropped: released.dropped, voided }, "de-starring run");
    }
    return sent;
  },
};
