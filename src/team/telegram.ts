import { Composer } from "grammy";
import { pendingJoinRequests } from "./join-requests.js";
import { linkGroup, listMembers, regenerateInvites, setReachability } from "./teams.js";
import type { BotContext } from "../bot/context.js";
import { requireLead, requireMember } from "../bot/guards.js";
import { invitesText, renderTeam } from "./team-view.js";

export const teamFeature = new Composer<BotContext>();

teamFeature.command("team", async (ctx) => {
  const membership = await requireMember(ctx);
  if (!membership) return;
  const { team, member: me } = membership;
  const inPrivate = ctx.chat.type === "private";
  const view = renderTeam(ctx.t, {
    team,
    me,
    people: listMembers(ctx.deps.db, team.id),
    pending: me.role === "lead" ? pendingJoinRequests(ctx.deps.db, team.id) : [],
    manage: inPrivate,
    botUsername: ctx.me.username,
    now: ctx.deps.clock.now(),
  });
  if (inPrivate || me.role !== "lead") {
    return ctx.reply(view.text, { link_preview_options: { is_disabled: true }, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
  }
  // A lead in a group: the links go to their private chat, never to the group.
  const sent = await ctx.api
    .sendMessage(ctx.from!.id, ctx.t("invites-dm-intro", { team: team.name }) + "\n\n" + invitesText(ctx.t, team, ctx.me.username), {
      link_preview_options: { is_disabled: true },
    })
    .then(() => true)
    .catch((err) => {
      ctx.log.warn({ err }, "could not send invite links privately");
      return false;
    });
  const note = sent ? ctx.t("invites-sent-privately") : ctx.t("invites-dm-unreachable", { bot: ctx.me.username });
  return ctx.reply(view.text + "\n\n" + note, { link_preview_options: { is_disabled: true } });
});

teamFeature.command("invite", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  if (ctx.chat?.type !== "private") return ctx.reply(ctx.t("invite-private-only"));
  const team = regenerateInvites(ctx.deps.db, membership.team.id);
  return ctx.reply(ctx.t("invite-regenerated") + "\n\n" + invitesText(ctx.t, team, ctx.me.username), {
    link_preview_options: { is_disabled: true },
  });
});

const groups = teamFeature.chatType(["group", "supergroup"]);

groups.command("link", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  const result = linkGroup(ctx.deps.db, membership.team.id, ctx.chat.id);
  return ctx.reply(ctx.t(`link-${result}`, { team: membership.team.name }));
});

// Someone blocking or unblocking the bot tells us whether direct messages reach them.
teamFeature.on("my_chat_member", async (ctx, next) => {
  if (ctx.chat.type !== "private") return next();
  const member = ctx.actor.member;
  if (!member) return;
  const status = ctx.myChatMember.new_chat_member.status;
  setReachability(ctx.deps.db, member.id, status === "kicked" ? "blocked" : "ok");
});
