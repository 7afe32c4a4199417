// /status for leads: the team's messages waiting to be sent and the ones that could not be delivered,
// with reasons, so nothing is lost silently.
import { Composer, InlineKeyboard } from "grammy";
import { deliveryStatus } from "../outbox/status.js";
import type { BotContext, Team } from "../bot/context.js";
import { requireLead } from "../bot/guards.js";
import { statusRefreshButton } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { localDate } from "../platform/calendar.js";
import { formatDateTime } from "../platform/format/date-time.js";

export const statusFeature = new Composer<BotContext>();

statusFeature.command("status", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  return ctx.reply(statusText(ctx, membership.team), { reply_markup: refreshKeyboard(ctx) });
});

onButton(statusFeature, statusRefreshButton, async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery({ text: ctx.t("status-refreshed") });
  await ctx
    .editMessageText(statusText(ctx, membership.team), { reply_markup: refreshKeyboard(ctx) })
    .catch((err) => ctx.log.debug({ err }, "status unchanged"));
});

function refreshKeyboard(ctx: BotContext) {
  return new InlineKeyboard().text(ctx.t("status-refresh"), statusRefreshButton.encode());
}

function statusText(ctx: BotContext, team: Team): string {
  const now = ctx.deps.clock.now();
  const s = deliveryStatus(ctx.deps.db, team.id, now);
  const out: string[] = [ctx.t("status-title"), ""];
  if (s.pending.length === 0 && s.failed.length === 0 && s.dropped.length === 0) out.push(ctx.t("status-all-clear"));
  if (s.pending.length > 0) {
    out.push(ctx.t("status-pending-title", { count: s.pending.reduce((a, p) => a + p.count, 0) }));
    for (const p of s.pending) out.push(ctx.t("status-pending-line", { kind: p.kind, count: p.count, retrying: p.retrying }));
    out.push("");
  }
  if (s.failed.length > 0) {
    out.push(ctx.t("status-failed-title", { count: s.failed.reduce((a, f) => a + f.count, 0) }));
    for (const f of s.failed) out.push(ctx.t("status-failed-kind-line", { kind: f.kind, count: f.count }));
    out.push("", ctx.t("status-recent-title"));
    for (const r of s.recent) {
      const who = r.memberName ?? (r.chatId < 0 ? ctx.t("status-who-group") : ctx.t("status-who-chat", { chatId: String(r.chatId) }));
      const at = formatDateTime(r.at, team.timezone, ctx.actor.locale, localDate(now, team.timezone));
      out.push(ctx.t("status-failed-line", { at, who, kind: r.kind, reason: r.reason, raw: r.raw }));
    }
    out.push("");
  }
  if (s.dropped.length > 0) {
    out.push(ctx.t("status-dropped-title", { count: s.dropped.reduce((a, d) => a + d.count, 0) }));
    for (const d of s.dropped) out.push(ctx.t("status-dropped-line", { who: d.memberName ?? "—", count: d.count }));
    out.push("");
  }
  if (s.unreachable.length > 0) {
    const names = s.unreachable.slice(0, 20).join(", ") + (s.unreachable.length > 20 ? ", …" : "");
    out.push(ctx.t("status-unreachable", { names }));
  }
  const text = out.join("\n").trim();
  return text.length <= 4000 ? text : `${text.slice(0, text.lastIndexOf("\n", 3990))}\n…`;
}
