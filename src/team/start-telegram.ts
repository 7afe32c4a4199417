import { Composer, InlineKeyboard } from "grammy";
import { requestLeadRole } from "./join-requests.js";
import { findInvite, joinTeam, leadsOf, setReachability, teamOfGroup, type Team } from "./teams.js";
import type { BotContext } from "../bot/context.js";
import { createTeamId } from "./create-team-dialogue.js";
import { displayName } from "../platform/format/name.js";
import { decodeContinuation } from "../bot/group-policy.js";
import { translator } from "../platform/locale.js";
import { localeOfUser } from "./member-locale.js";
import { noticeLeadRequest } from "./members-telegram.js";
import { createTeamButton } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { notMemberInGroup } from "../bot/guards.js";

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType("private");

privateChats.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  const carried = decodeContinuation(payload);
  if (carried) return ctx.reply(ctx.t("group-continue-here"), { reply_markup: new InlineKeyboard().text(ctx.t("group-continue-button"), carried) });
  if (payload) return joinByInvite(ctx, payload);
  const { member, team } = ctx.actor;
  if (member && team) {
    if (member.reachability !== "ok") setReachability(ctx.deps.db, member.id, "ok");
    return ctx.reply(ctx.t("start-member", { name: member.name, team: team.name, role: member.role }));
  }
  await ctx.conversation.exitAll();
  return ctx.reply(ctx.t("start-stranger"), {
    reply_markup: new InlineKeyboard().text(ctx.t("start-create-team-button"), createTeamButton.encode()),
  });
});

onButton(
  startFeature,
  createTeamButton,
  async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.actor.member) return ctx.reply(ctx.t("team-create-already-member"));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(createTeamId);
  },
  { chat: "private" },
);

// In a group a team has linked, /start says so (to a member) or that the sender is not in that team.
startFeature.chatType(["group", "supergroup"]).command("start", (ctx) => {
  const linked = teamOfGroup(ctx.deps.db, ctx.chat.id);
  if (!linked) return ctx.reply(ctx.t("start-group"));
  return ctx.reply(ctx.actor.member ? ctx.t("start-group-linked", { team: linked.name }) : notMemberInGroup(ctx));
});

async function joinByInvite(ctx: BotContext, token: string) {
  const { db, clock } = ctx.deps;
  const invite = findInvite(db, token);
  if (!invite) return ctx.reply(ctx.t("invite-invalid"));
  const from = ctx.from!;
  if (invite.role === "lead") return requestLead(ctx, invite.team);
  const result = joinTeam(db, {
    team: invite.team,
    role: invite.role,
    person: { telegramId: from.id, name: displayName(from), username: from.username },
    now: clock.now(),
  });
  if (!result.ok) {
    if (result.reason === "other_team") return ctx.reply(ctx.t("invite-other-team"));
    setReachability(db, result.member.id, "ok");
    return ctx.reply(ctx.t("invite-already-member", { team: invite.team.name }));
  }
  await ctx.reply(ctx.t("invite-joined", { team: invite.team.name, role: result.member.role }));
  // Leads hear about it at once; a lead who blocked the bot must not spoil the newcomer's welcome.
  for (const lead of leadsOf(db, invite.team.id)) {
    if (!lead.telegramId || lead.id === result.member.id) continue;
    const t = translator(ctx.i18nInstance, localeOfUser(db, lead.telegramId));
    await ctx.api
      .sendMessage(lead.telegramId, t("invite-joined-lead-notice", { name: result.member.name, role: result.member.role }))
      .catch((err) => ctx.log.warn({ err, memberId: lead.id }, "could not tell a lead about a new member"));
  }
}

/** The co-lead link files a request; only a lead's "Accept" makes a lead. */
async function requestLead(ctx: BotContext, team: Team) {
  const from = ctx.from!;
  const result = requestLeadRole(ctx.deps.db, { team, person: { telegramId: from.id, name: displayName(from), username: from.username }, now: ctx.deps.clock.now() });
  if (!result.ok) return ctx.reply(ctx.t(result.reason === "other_team" ? "invite-other-team" : "lead-request-already-lead", { team: team.name }));
  if (!result.fresh) return ctx.reply(ctx.t("lead-request-pending", { team: team.name }));
  ctx.log.info({ requestId: result.request.id, teamId: team.id }, "lead request filed");
  await ctx.reply(ctx.t("lead-request-sent", { team: team.name }));
  noticeLeadRequest(ctx, team, result.request);
}
