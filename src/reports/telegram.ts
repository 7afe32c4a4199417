// /report: for a lead, how the reactivation calls of each handover are going, per manager. In a group
// it shows the progress without the terms of departure (see group-policy.ts).
import { Composer } from "grammy";
import { localDate } from "../platform/calendar.js";
import { buildReport, type HandoverReport, type Tally } from "./report.js";
import { progressBar } from "../platform/format/progress.js";
import { MESSAGE_LIMIT } from "../calls/card-view.js";
import { formatDay } from "../platform/format/day.js";
import type { BotContext } from "../bot/context.js";
import { inGroup } from "../bot/group-policy.js";
import { requireClientAccess, } from "../bot/guards.js";
import { sendReportCharts } from "./charts/telegram.js";

export const reportFeature = new Composer<BotContext>();

reportFeature.command("report", async (ctx) => {
  const membership = await requireClientAccess(ctx, "read", true);
  if (!membership) return;
  const today = localDate(ctx.deps.clock.now(), membership.team.timezone);
  const reports = buildReport(ctx.deps.db, { teamId: membership.team.id, today });
  const title = ctx.t("report-title", { date: formatDay(today, ctx.actor.locale, today) });
  if (reports.length === 0) return ctx.reply(title + "\n\n" + ctx.t("report-empty"));
  await sendReportCharts(ctx, reports, membership.team, today);

  const blocks = [title, ...reports.map((r) => handoverBlock(ctx, r, today)), ctx.t("report-legend")];
  // Whole handovers per message; a single handover longer than a message is cut by lines.
  const messages: string[] = [];
  for (const block of blocks.flatMap((b) => splitLines(b))) {
    const last = messages.at(-1);
    if (last !== undefined && last.length + 2 + block.length <= MESSAGE_LIMIT) messages[messages.length - 1] = last + "\n\n" + block;
    else messages.push(block);
  }
  for (const text of messages) await ctx.reply(text);
});

function handoverBlock(ctx: BotContext, r: HandoverReport, today: string): string {
  const lines: string[] = [];
  lines.push(
    r.handoverId === null
      ? ctx.t("report-pool")
      : ctx.t("report-handover", { leaver: r.leaverName ?? "—", status: r.status ?? "active", terms: inGroup(ctx) ? "hidden" : (r.terms ?? "good"), lastDay: formatDay(r.lastDay ?? today, ctx.actor.locale, today) }),
  );
  const t = r.totals;
  lines.push(ctx.t("report-progress", { barHtml: progressBar(t.done, t.total), percent: t.total ? Math.round((t.done / t.total) * 100) : 0, done: t.done, total: t.total }));
  lines.push(ctx.t("report-totals", { total: t.total, reached: t.reached, noAnswer: t.noAnswer, lost: t.lost, nextSet: t.nextSet, overdue: t.overdue }));
  if (t.lost > 0) lines.push(ctx.t("report-lost-reasons", { reasonsHtml: reasons(ctx, t) }));
  for (const m of r.managers) {
    lines.push(
      ctx.t("report-manager", {
        name: m.name,
        barHtml: progressBar(m.done, m.total),
        done: m.done,
        total: m.total,
        reached: m.reached,
        noAnswer: m.noAnswer,
        lost: m.lost,
        nextSet: m.nextSet,
        overdue: m.overdue,
      }),
    );
  }
  return lines.join("\n");
}

function reasons(ctx: BotContext, t: Tally): string {
  return Object.entries(t.lostReasons)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => ctx.t("report-lost-reason-item", { reason, count: count ?? 0 }))
    .join(", ");
}

/** A block longer than a message, cut at line ends. */
function splitLines(block: string): string[] {
  if (block.length <= MESSAGE_LIMIT) return [block];
  const out: string[] = [];
  let current = "";
  for (const line of block.split("\n")) {
    if (current && current.length + 1 + line.length > MESSAGE_LIMIT) {
      out.push(current);
      current = "";
    }
    current = current ? current + "\n" + line : line.slice(0, MESSAGE_LIMIT);
  }
  if (current) out.push(current);
  return out;
}
