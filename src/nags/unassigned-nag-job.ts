// Clients nobody works: every lead hears the count, the ones waiting longest and gets a button to
// distribute them; in the morning, and again in the afternoon while a handover is in progress.
import { hasActiveHandover, unassignedClients } from "./queries.js";
import { wallClock } from "../platform/work-time.js";
import { nagData } from "./keyboards.js";
import { button, enqueueNag, lines, voiceOf } from "./notices.js";
import { canReceive, teamPeople } from "./recipients.js";
import type { JobDefinition } from "../jobs/types.js";
import { clipLine } from "../platform/format/clip.js";

const OLDEST = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export const unassignedNag: JobDefinition = {
  name: "unassigned-nag",
  slots: (team) => [
    { hour: team.digestHour, kind: "digest" },
    { hour: team.afternoonNagHour, kind: "afternoon" },
  ],
  run(deps, team, now, slot) {
    const { db } = deps;
    const handover = hasActiveHandover(db, team.id);
    if (slot.kind === "afternoon" && !handover) return 0;
    const pool = unassignedClients(db, team.id, wallClock(now, team.timezone).date, OLDEST);
    if (pool.count === 0) return 0;
    let enqueued = 0;
    const people = teamPeople(db, team.id);
    for (const lead of people.leads) {
      if (!canReceive(lead)) continue;
      const { t, label } = voiceOf(deps, lead, people);
      const text = lines(
        t("nag-unassigned-title", { count: pool.count }),
        handover && t("nag-unassigned-handover"),
        "",
        t("nag-unassigned-oldest"),
        ...pool.oldest.map((c) => t("nag-unassigned-item", { name: clipLine(c.name, 60), days: Math.max(0, Math.floor((now.getTime() - c.since) / DAY_MS)) })),
        pool.count > pool.oldest.length && t("nag-more", { count: pool.count - pool.oldest.length }),
        "",
        t("nag-unassigned-action"),
      );
      const buttons = [[button(label("nag-button-distribute"), nagData.distribute())]];
      if (enqueueNag(db, { job: this.name, kind: "nag_unassigned", team, member: lead, slot, text, buttons }, now)) enqueued += 1;
    }
    return enqueued;
  },
};
