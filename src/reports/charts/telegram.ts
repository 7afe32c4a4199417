// The Telegram side of the charts: /report's pictures, sent with sendPhoto before the text report (which
// stays, for search and copy). Rasterising runs on the thread pool (renderChartAsync), so a slow picture
// does not hold up other chats; a failed picture never costs the text report.
import { InputFile } from "grammy";
import { formatDay } from "../../platform/format/day.js";
import type { BotContext } from "../../bot/context.js";
import { inGroup } from "../../bot/group-policy.js";
import type { HandoverReport } from "../report.js";
import { handoverCharts } from "./handover-charts.js";
import { handoverChartData } from "./queries.js";
import { renderChartAsync } from "./render.js";
import type { ChartSpec } from "./spec.js";
import { chartTexts } from "./texts.js";

/** Pictures are drawn for this many handovers (the newest); the text report covers them all. */
export const CHART_HANDOVERS = 3;

export async function sendReportCharts(ctx: BotContext, reports: HandoverReport[], team: { id: number; timezone: string }, today: string): Promise<void> {
  const locale = ctx.actor.locale;
  const texts = chartTexts(ctx.i18nInstance, locale, (d) => formatDay(d, locale, today));
  const progressOnly = inGroup(ctx);
  const shown = reports.slice(0, CHART_HANDOVERS);
  try {
    await ctx.replyWithChatAction("upload_photo");
    for (const report of shown) {
      const data = handoverChartData(ctx.deps.db, { teamId: team.id, handoverId: report.handoverId, timezone: team.timezone, today });
      const terms = progressOnly ? "hidden" : (report.terms ?? "good");
      const specs = handoverCharts({ leaverName: report.leaverName, terms, today, data, progressOnly }, texts);
      for (const spec of specs) {
        const png = await renderChartAsync(spec);
        await ctx.replyWithPhoto(new InputFile(png, `${spec.kind}.png`), { caption: caption(ctx, spec, report) });
      }
    }
    if (reports.length > shown.length) await ctx.reply(ctx.t("chart-more-handovers", { shown: shown.length }));
  } catch (error) {
    ctx.log.warn({ err: error, teamId: team.id }, "report charts not sent; the text report follows");
  }
}

function caption(ctx: BotContext, spec: ChartSpec, report: HandoverReport): string {
  if (spec.kind === "timeline") return ctx.t("chart-caption-timeline");
  if (spec.kind === "lost-reasons") return ctx.t("chart-caption-lost");
  return report.leaverName === null ? ctx.t("chart-caption-pool") : ctx.t("chart-caption-progress", { leaver: report.leaverName });
}
