// The leads' weekly picture: on Monday at the team's digest hour, each lead gets one image of the team's
// open handovers (and the parts other capabilities add, see weekly-parts.ts) in a direct message through
// the outbox. Teams turn it off in /settings (teams.weekly_picture). `npm run job -- weekly-picture` runs
// it now, whatever the day.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { handovers, members } from "../../db/schema.js";
import { parseDay } from "../../platform/calendar.js";
import { wallClock } from "../../platform/work-time.js";
import type { Team } from "../../team/teams.js";
import { enqueue } from "../../outbox/outbox.js";
import { voiceOf } from "../../nags/notices.js";
import { canReceive, teamPeople } from "../../nags/recipients.js";
import type { JobDefinition } from "../../jobs/types.js";
import { formatDay } from "../../platform/format/day.js";
import { OUTCOMES } from "./palette.js";
import type { ProgressRow } from "./progress-spec.js";
import { handoverChartData } from "./queries.js";
import { registerPhotoRenderer } from "../../outbox/photo-renderers.js";
import { renderChartAsync } from "./render.js";
import { chartTexts } from "./texts.js";
import { weeklyParts, type DeferredPicture } from "./weekly-parts.js";
import { weeklySpecs, weeklyView, type WeeklyView } from "./weekly-spec.js";

const MONDAY = 1;
const RENDERER = "weekly-picture";

// The picture is drawn by the sender, off the scheduler's transaction: args are one page of the view.
registerPhotoRenderer(RENDERER, (args) => {
  const { view, page } = args as { view: WeeklyView; page: number };
  return renderChartAsync(weeklySpecs(view)[page]!);
});

export const weeklyPicture: JobDefinition = {
  name: "weekly-picture",
  slots: (team) => [{ hour: team.digestHour, kind: "digest" }],
  run(deps, team, now, slot) {
    if (!team.weeklyPicture) return 0;
    const today = wallClock(now, team.timezone).date;
    if (slot.kind !== "manual" && parseDay(today).weekday !== MONDAY) return 0;
    const rows = openHandoverRows(deps.db, team, today);
    const people = teamPeople(deps.db, team.id);
    const pictures = new Map<string, DeferredPicture[]>(); // decided once per language
    let enqueued = 0;
    for (const lead of people.leads) {
      if (!canReceive(lead)) continue;
      const voice = voiceOf(deps, lead, people);
      let drawn = pictures.get(voice.locale);
      if (!drawn) {
        const texts = chartTexts(deps.i18n, voice.locale, (d) => formatDay(d, voice.locale, today));
        // The open handovers' picture when there are any, then the other capabilities' parts (the star index).
        const view = rows.length > 0 ? weeklyView(rows, { weekOf: today }, texts) : null;
        const handoverPictures = view ? view.pageLabels.map((_, page) => ({ renderer: RENDERER, args: { view, page } })) : [];
        drawn = [...handoverPictures, ...weeklyParts.flatMap((part) => part({ db: deps.db, team, today }, texts))];
        pictures.set(voice.locale, drawn);
      }
      drawn.forEach((picture, i) => {
        const sent = enqueue(
          deps.db,
          {
            chatId: lead.telegramId,
            teamId: team.id,
            memberId: lead.id,
            kind: "weekly_picture",
            dedupeKey: `weekly-picture:${lead.id}:${slot.key}:${i}`,
            text: voice.t(picture.captionKey ?? "chart-weekly-caption"),
            photo: { fileName: `weekly-${i + 1}.png`, renderer: picture.renderer, args: picture.args },
          },
          now,
        );
        if (sent) enqueued += 1;
      });
    }
    return enqueued;
  },
};

/** One row per open handover (the leaver's name), its calls by outcome; newest first. */
export function openHandoverRows(db: Db, team: Team, today: string): ProgressRow[] {
  const open = db
    .select({ id: handovers.id, leaver: members.name })
    .from(handovers)
    .innerJoin(members, eq(members.id, handovers.leaverId))
    .where(and(eq(handovers.teamId, team.id), eq(handovers.status, "active")))
    .orderBy(desc(handovers.id))
    .all();
  return open.map((h) => {
    const data = handoverChartData(db, { teamId: team.id, handoverId: h.id, timezone: team.timezone, today });
    const row: ProgressRow = { name: h.leaver, reached: 0, noAnswer: 0, callBack: 0, lost: 0, notCalled: 0 };
    for (const m of data.rows) for (const o of OUTCOMES) row[o] += m[o];
    return row;
  });
}
