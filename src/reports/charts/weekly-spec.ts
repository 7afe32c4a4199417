// Chart 4: the team's open handovers for the leads' Monday picture: a stacked bar per handover (the
// leaver's name), the same outcome colours as every other chart. Pure.
import type { ProgressRow } from "./progress-spec.js";
import { progressSpecs } from "./progress-spec.js";
import type { ChartSpec } from "./spec.js";
import { outcomeLabels, type ChartTexts } from "./texts.js";

export function weeklySpecs(rows: ProgressRow[], input: { weekOf: string }, texts: ChartTexts): ChartSpec[] {
  const open = rows.reduce((s, r) => s + r.noAnswer + r.callBack + r.notCalled, 0);
  return progressSpecs({
    title: texts.t("chart-weekly-title"),
    subtitle: texts.t("chart-weekly-subtitle", { date: texts.day(input.weekOf), open }),
    rows,
    labels: outcomeLabels(texts),
    pageLabel: (page, pages) => texts.t("chart-page", { page, pages }),
    emptyText: texts.t("chart-weekly-none"),
  }).map((spec) => ({ ...spec, kind: "weekly" }));
}
