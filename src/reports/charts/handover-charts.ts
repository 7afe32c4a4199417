// One handover's pictures, from its chart data and the words: progress per manager (always), calls over
// time and lost reasons (not where only progress may be shown, e.g. a group chat). Pure.
import type { Terms } from "../../db/schema.js";
import { burndown } from "./burndown.js";
import { ellipsis } from "./layout.js";
import { lostSpec } from "./lost-spec.js";
import { progressSpecs, } from "./progress-spec.js";
import type { HandoverChartData } from "./queries.js";
import type { ChartSpec } from "./spec.js";
import { lostReasonLabels, outcomeLabels, type ChartTexts } from "./texts.js";
import { timelineSpec } from "./timeline-spec.js";

export interface HandoverChartsInput {
  /** null: clients distributed from the unassigned pool. */
  leaverName: string | null;
  /** "hidden" where the terms of departure may not be shown. */
  terms: Terms | "hidden";
  today: string;
  data: HandoverChartData;
  /** Only the progress chart (group chats). */
  progressOnly: boolean;
}

/** Leaver names in titles are cut, so the title stays on one line. */
const TITLE_NAME_CHARS = 28;

export function handoverCharts(input: HandoverChartsInput, texts: ChartTexts): ChartSpec[] {
  const { data } = input;
  const leaver = input.leaverName === null ? null : ellipsis(input.leaverName, TITLE_NAME_CHARS);
  const done = data.rows.reduce((s, r) => s + r.reached + r.lost, 0);
  const specs = progressSpecs({
    title: leaver === null ? texts.t("chart-pool-title") : texts.t("chart-progress-title", { leaver, terms: input.terms }),
    subtitle: texts.t("chart-progress-subtitle", { done, total: data.total, due: data.due ? texts.day(data.due) : "none" }),
    rows: data.rows,
    labels: outcomeLabels(texts),
    pageLabel: (page, pages) => texts.t("chart-page", { page, pages }),
    emptyText: texts.t("chart-no-calls"),
  });
  if (input.progressOnly) return specs;

  const curve = burndown({ start: data.startedOn, today: input.today, due: data.due, total: data.total, madeOn: data.madeOn, dueOn: data.dueOn });
  specs.push(
    timelineSpec({
      title: leaver === null ? texts.t("chart-pool-timeline-title") : texts.t("chart-timeline-title", { leaver }),
      subtitle: texts.t("chart-timeline-subtitle", { start: texts.day(data.startedOn), open: data.total - done }),
      data: curve,
      today: input.today,
      due: data.due,
      labels: {
        made: texts.t("chart-timeline-made"),
        open: texts.t("chart-timeline-open"),
        planned: texts.t("chart-timeline-planned"),
        today: texts.t("chart-timeline-today"),
        due: texts.t("chart-timeline-due"),
      },
      dayLabel: texts.day,
      emptyText: texts.t("chart-no-calls"),
    }),
  );
  const lost = data.rows.reduce((s, r) => s + r.lost, 0);
  if (lost > 0) {
    specs.push(
      lostSpec({
        title: leaver === null ? texts.t("chart-pool-lost-title") : texts.t("chart-lost-title", { leaver }),
        subtitle: texts.t("chart-lost-subtitle", { lost, total: data.total }),
        counts: data.lostReasons,
        labels: lostReasonLabels(texts),
        emptyText: texts.t("chart-lost-none"),
      }),
    );
  }
  return specs;
}

;
