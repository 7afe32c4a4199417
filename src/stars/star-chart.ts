// The star index as a picture, for /stars and the leads' weekly picture: the view from the team's lines and
// weekly snapshots, the renderer the outbox draws it with, and the weekly picture's part.
import type { Db } from "../db/client.js";
import { localDate } from "../platform/calendar.js";
import type { Team } from "../team/teams.js";
import { registerPhotoRenderer } from "../outbox/photo-renderers.js";
import { renderChartAsync } from "../reports/charts/render.js";
import { starsSpec, type StarsManager, type StarsView } from "../reports/charts/stars-spec.js";
import type { ChartTexts } from "../reports/charts/texts.js";
import { weeklyParts } from "../reports/charts/weekly-parts.js";
import { weekOf } from "./plan-touches.js";
import { starPercent, teamStarLines } from "./star-index.js";
import { starSeries } from "./star-series.js";

export const STARS_RENDERER = "stars-picture";

/** Plain data (stored in the outbox for the weekly picture until it is drawn). */
export function starsView(db: Db, team: Team, now: Date, texts: ChartTexts): StarsView {
  const { lines, totals } = teamStarLines(db, team, now, weekOf(localDate(now, team.timezone)));
  const series = starSeries(db, team.id);
  const managers: StarsManager[] = lines
    .filter((l) => l.clients > 0)
    .map((l) => ({ name: l.name, percent: starPercent(l), clients: l.clients, hotSingle: l.hotSingleVoice, trend: series.members.get(l.memberId) ?? series.weeks.map(() => null) }));
  return {
    title: texts.t("chart-stars-title"),
    subtitle: texts.t("chart-stars-subtitle", { single: totals.singleVoice, clients: totals.clients, percent: starPercent(totals) }),
    managers,
    weeks: series.weeks.map((w) => texts.day(w)),
    team: { label: texts.t("chart-stars-team"), trend: series.team },
    barLabels: managers.map((m) => texts.t("chart-stars-bar", { percent: m.percent, clients: m.clients, hot: m.hotSingle })),
    trendTitle: texts.t("chart-stars-trend", { weeks: series.weeks.length }),
    emptyText: texts.t("chart-stars-none"),
  };
}

export function renderStars(view: StarsView): Promise<Buffer> {
  return renderChartAsync(starsSpec(view));
}

registerPhotoRenderer(STARS_RENDERER, (args) => renderStars(args as StarsView));

// The weekly picture carries the star index after the open handovers, when someone owns clients.
weeklyParts.push(({ db, team, today }, texts) => {
  const view = starsView(db, team, new Date(`${today}T12:00:00Z`), texts); // midday of the team's today
  return view.managers.length > 0 ? [{ renderer: STARS_RENDERER, args: view, captionKey: "chart-caption-stars" }] : [];
});
