// /stars and its buttons: Telegram in and out only; the rules live in star-index.ts, settings.ts and
// plan-touches.ts, the texts in views.ts.
import { onButton } from "../bot/button-routes.js";
import { eq } from "drizzle-orm";
import { Composer, InputFile } from "grammy";
import { teams } from "../db/schema.js";
import type { BotContext, Team } from "../bot/context.js";
import { leadOnlyKey, requireMember } from "../bot/guards.js";
import { localDate } from "../platform/calendar.js";
import { starButtons } from "./keyboards.js";
import { weekOf, weeklyStats } from "./plan-touches.js";
import { renderStars, starsView } from "./star-chart.js";
import { chartTexts } from "../reports/charts/texts.js";
import { formatDay } from "../platform/format/day.js";
import { memberStarsSettings, setMemberRole, setPaused, stepMemberCap, stepSchedule, stepTeamCap } from "./settings.js";
import { singleVoiceClientsOf, starLineOf, teamStarLines } from "./star-index.js";
import { CLIENTS_SHOWN, renderMember, renderOverview, renderOwnLine } from "./views.js";

export const starsFeature = new Composer<BotContext>();

const WEEKS_SHOWN = 4;

starsFeature.command("stars", async (ctx) => {
  const membership = await requireMember(ctx);
  if (!membership) return;
  const { member, team } = membership;
  const now = ctx.deps.clock.now();
  if (member.role !== "lead") {
    const week = weekOf(localDate(now, team.timezone));
    const line = teamStarLines(ctx.deps.db, team, now, week).lines.find((l) => l.memberId === member.id) ?? null;
    return ctx.reply(renderOwnLine(ctx.t, line));
  }
  await sendStarPicture(ctx, team, now);
  const view = overview(ctx, team);
  return ctx.reply(view.text, { reply_markup: view.keyboard });
});

/** The lead sees the index as a picture first (bars and the 8-week trend); the text with its buttons follows. */
async function sendStarPicture(ctx: BotContext, team: Team, now: Date): Promise<void> {
  const today = localDate(now, team.timezone);
  const texts = chartTexts(ctx.i18nInstance, ctx.actor.locale, (d) => formatDay(d, ctx.actor.locale, today));
  const view = starsView(ctx.deps.db, team, now, texts);
  if (view.managers.length === 0) return;
  try {
    await ctx.replyWithChatAction("upload_photo").catch(() => undefined);
    const png = await renderStars(view);
    await ctx.replyWithPhoto(new InputFile(png, "stars.png"), { caption: ctx.t("chart-caption-stars") });
  } catch (err) {
    ctx.log.warn({ err }, "star picture not sent"); // the text below still tells it all
  }
}

function overview(ctx: BotContext, team: Team) {
  const now = ctx.deps.clock.now();
  const today = localDate(now, team.timezone);
  const { lines, totals } = teamStarLines(ctx.deps.db, team, now, weekOf(today));
  return renderOverview(ctx.t, ctx.actor.locale, {
    lines,
    totals,
    weeks: weeklyStats(ctx.deps.db, team.id, WEEKS_SHOWN),
    paused: team.starsPaused,
    planDay: team.starsPlanDay,
    planHour: team.starsPlanHour,
    teamCap: team.starsWeeklyCap,
    windowMonths: team.starsWindowMonths,
    today,
  });
}

function memberView(ctx: BotContext, team: Team, memberId: number) {
  const { db } = ctx.deps;
  const now = ctx.deps.clock.now();
  const line = starLineOf(db, team, memberId, now);
  const settings = memberStarsSettings(db, team.id, memberId);
  if (!line || !settings) return null;
  return renderMember(ctx.t, { line, clients: singleVoiceClientsOf(db, team, memberId, now, CLIENTS_SHOWN), ...settings });
}

onButton(starsFeature, starButtons, async (ctx, tap) => {
  const membership = await requireMember(ctx);
  if (!membership) return;
  if (membership.member.role !== "lead") return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
  const { db } = ctx.deps;
  const teamId = membership.team.id;
  const reload = () => db.select().from(teams).where(eq(teams.id, teamId)).get()!;
  const show = async (view: { text: string; keyboard: unknown } | null, toast?: string) => {
    if (!view) return ctx.answerCallbackQuery({ text: ctx.t("stars-toast-gone") });
    await ctx.answerCallbackQuery(toast ? { text: toast } : {});
    await ctx
      .editMessageText(view.text, { reply_markup: view.keyboard as never })
      .catch((err) => ctx.log.debug({ err }, "stars view unchanged"));
  };
  switch (tap.kind) {
    case "overview":
      return show(overview(ctx, membership.team));
    case "member":
      return show(memberView(ctx, membership.team, tap.memberId));
    case "pause":
      setPaused(db, teamId, tap.paused);
      ctx.log.info({ teamId, paused: tap.paused }, "de-starring paused or resumed");
      return show(overview(ctx, reload()), ctx.t(tap.paused ? "stars-toast-paused" : "stars-toast-resumed"));
    case "next":
      stepSchedule(db, teamId, tap.what);
      return show(overview(ctx, reload()), ctx.t("stars-toast-saved"));
    case "teamCap":
      stepTeamCap(db, teamId, tap.up);
      return show(overview(ctx, reload()), ctx.t("stars-toast-saved"));
    case "cap":
      if (stepMemberCap(db, teamId, tap.memberId, tap.up) === null) return show(null);
      return show(memberView(ctx, membership.team, tap.memberId), ctx.t("stars-toast-saved"));
    case "role":
      if (!setMemberRole(db, teamId, tap.memberId, tap.role)) return show(null);
      return show(memberView(ctx, membership.team, tap.memberId), ctx.t("stars-toast-saved"));
  }
});
