import { Composer } from "grammy";
import type { Member } from "../../domain/teams.js";
import { linkGroup, listMembers, regenerateInvites, setReachability } from "../../domain/teams.js";
import type { BotContext, Team } from "../context.js";
import { requireLead, requireMember } from "../guards.js";
import { escapeHtml } from "../html.js";
import { inviteLinks } from "../invite-links.js";

export const teamFeature = new Composer<BotContext>();

teamFeature.command("team", async (ctx) => {
  const membership = await requireMember(ctx);
  if (!membership) return;
  const { team, member: me } = membership;
  const people = listMembers(ctx.deps.db, team.id);
  const lines = people.map((m) => memberLine(ctx, m));
  const unreachable = people.filter((m) => m.reachability !== "ok");
  let text = ctx.t("team-header", { team: team.name, count: people.length, timezone: team.timezone }) + "\n\n" + lines.join("\n");
  if (unreachable.length > 0) text += "\n\n" + ctx.t("team-unreachable-hint", { count: unreachable.length });
  if (me.role === "lead") text += "\n\n" + invitesText(ctx, team);
  return ctx.reply(text, { link_preview_options: { is_disabled: true } });
});

teamFeature.command("invite", async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  if (ctx.chat?.type !== "private") return ctx.reply(ctx.t("invite-private-only"));
  const team = regenerateInvites(ctx.deps.db, membership.team.id);
  return ctx.reply(ctx.t("invite-regenerated") + "\n\n" + invitesText(ctx, team), {
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
teamFeature.on("my_chat_member", (ctx) => {
  if (ctx.chat.type !== "private") return;
  const member = ctx.actor.member;
  if (!member) return;
  const status = ctx.myChatMember.new_chat_member.status;
  setReachability(ctx.deps.db, member.id, status === "kicked" ? "blocked" : "ok");
});

function memberLine(ctx: BotContext, m: Member): string {
  const who = m.username ? `${escapeHtml(m.name)} (@${escapeHtml(m.username)})` : escapeHtml(m.name);
  return ctx.t("team-member-line", {
    whoHtml: who,
    role: m.role,
    status: m.status,
    reach: m.telegramId === null ? "name_only" : m.reachability,
  });
}

function invitesText(ctx: BotContext, team: Team): string {
  const links = inviteLinks(ctx.me.username, team);
  return ctx.t("team-invites", { managerLink: links.manager, leadLink: links.lead });
}
