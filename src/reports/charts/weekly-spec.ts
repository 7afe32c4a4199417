// Chart 4: the team's open handovers for the leads' Monday picture: a stacked bar per handover (the
// leaver's name), the same outcome colours as every other chart. The view is plain JSON (words already
// translated), so the job can store it in the outbox and the sender draws it. Pure.
import { MANAGERS_PER_PAGE } from "./layout.js";
import type { Outcome } from "./palette.js";
import { progressSpecs, type ProgressRow } from "./progress-spec.js";
import type { ChartSpec } from "./spec.js";
import { outcomeLabels, type ChartTexts } from "./texts.js";

export interface WeeklyView {
  title: string;
  subtitle: string;
  rows: ProgressRow[];
  labels: Record<Outcome, string>;
  /** "1 из 2", … for each page. */
  pageLabels: string[];
  emptyText: string;
}

export function weeklyView(rows: ProgressRow[], input: { weekOf: string }, texts: ChartTexts): WeeklyView {
  const open = rows.reduce((s, r) => s + r.noAnswer + r.callBack + r.notCalled, 0);
  const pages = Math.max(1, Math.ceil(rows.length / MANAGERS_PER_PAGE));
  return {
    title: texts.t("chart-weekly-title"),
    subtitle: texts.t("chart-weekly-subtitle", { date: texts.day(input.weekOf), open }),
    rows,
    labels: outcomeLabels(texts),
    pageLabels: Array.from({ length: pages }, (_, i) => texts.t("chart-page", { page: i + 1, pages })),
    emptyText: texts.t("chart-weekly-none"),
  };
}

export function weeklySpecs(view: WeeklyView): ChartSpec[] {
  return progressSpecs({ ...view, pageLabel: (page) => view.pageLabels[page - 1] ?? String(page) }).map((spec) => ({ ...spec, kind: "weekly" }));
}
