// Managing who is in the team: co-lead requests (filed by the co-lead link, decided by any lead), removing
// a member from /team, and the two-line hello when the bot is added to a group.
import { Composer, InlineKeyboard } from "grammy";
import { decideJoinRequest, pendingJoinRequests, type JoinRequest } from "./join-requests.js";
import { memberOfTeam, removeMember } from "./member-removal.js";
import { leadsOf, listMembers, type Team } from "./teams.js";
import type { BotContext } from "../bot/context.js";
import { deleteTeamId } from "./delete-team-dialogue.js";
import { requireLead } from "../bot/guards.js";
import { translator } from "../platform/locale.js";
import { leadRequestButtons, memberButtons, teamMenuButtons, tm } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { localeOfUser } from "./member-locale.js";
import { enqueue } from "../outbox/outbox.js";
import { renderTeam } from "./team-view.js";

export const membersFeature = new Composer<BotContext>();

/** Every lead hears, through the outbox and each in their language, that someone asks to become a lead. */
export function noticeLeadRequest(ctx: BotContext, team: Team, request: JoinRequest): void {
  const db = ctx.deps.db;
  const now = ctx.deps.clock.now();
  for (const lead of leadsOf(db, team.id)) {
    if (!lead.telegramId) continue;
    const t = translator(ctx.i18nInstance, localeOfUser(db, lead.telegramId));
    const kb = new InlineKeyboard().text(t("lead-request-accept"), tm.accept(request.id)).text(t("lead-request-decline"), tm.decline(request.id));
    enqueue(
      db,
      { chatId: lead.telegramId, teamId: team.id, memberId: lead.id, kind: "lead_request", dedupeKey: `lead-request:${request.id}:${lead.id}`, text: t("lead-request-notice", { name: request.name, team: team.name }), replyMarkup: kb },
      now,
    );
  }
}

/** A message to someone other than the person tapping goes through the outbox. */
function tell(ctx: BotContext, to: { telegramId: number; teamId: number; kind: string; dedupeKey: string }, key: string, vars: Record<string, string>) {
  const t = translator(ctx.i18nInstance, localeOfUser(ctx.deps.db, to.telegramId));
  enqueue(ctx.deps.db, { chatId: to.telegramId, teamId: to.teamId, kind: to.kind, dedupeKey: to.dedupeKey, text: t(key, vars) }, ctx.deps.clock.now());
}

/** Buttons of this feature answer in a private chat only; in a group (forged or forwarded) they are out of date. */
const privateChat = { chat: "private" } as const;

onButton(
  membersFeature,
  leadRequestButtons,
  async (ctx, tap) => {
    const membership = await requireLead(ctx);
    if (!membership) return;
    const { team, member: me } = membership;
    const accept = tap.accept;
    const result = decideJoinRequest(ctx.deps.db, { team, requestId: tap.requestId, deciderId: me.id, accept, now: ctx.deps.clock.now() });
    if (!result.ok) {
      if (result.reason === "other_team" && result.request) {
        await ctx.answerCallbackQuery();
        return ctx.editMessageText(ctx.t("lead-request-other-team", { name: result.request.name }), { reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
      }
      return ctx.answerCallbackQuery({ text: ctx.t(result.reason === "decided" ? "lead-request-decided-toast" : "button-stale") });
    }
    await ctx.answerCallbackQuery();
    const { request } = result;
    ctx.log.info({ requestId: request.id, accepted: accept }, "lead request decided");
    const outcome = ctx.t(accept ? "lead-request-accepted-by" : "lead-request-declined-by", { name: request.name, by: me.name });
    if (tap.kind === "requestInTeam") {
      await refreshTeam(ctx, team, outcome);
    } else {
      await ctx.editMessageText(outcome, { reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    }
    if (accept) await ctx.menus.show(request.telegramId, "lead").catch((err) => ctx.log.warn({ err }, "could not set the new lead's menu"));
    tell(ctx, { telegramId: request.telegramId, teamId: team.id, kind: "lead_request_decided", dedupeKey: `lead-request-decided:${request.id}` }, accept ? "lead-request-accepted-you" : "lead-request-declined-you", {
      team: team.name,
    });
  },
  privateChat,
);

onButton(
  membersFeature,
  memberButtons,
  async (ctx, tap) => {
    const membership = await requireLead(ctx);
    if (!membership) return;
    const { team, member: me } = membership;
    const memberId = tap.memberId;
    if (tap.kind === "member") {
      const member = memberOfTeam(ctx.deps.db, team.id, memberId);
      if (!member) return ctx.answerCallbackQuery({ text: ctx.t("member-remove-refused-gone") });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      if (member.id !== me.id) kb.text(ctx.t("member-remove"), tm.remove(member.id)).row();
      kb.text(ctx.t("member-back"), tm.back());
      return ctx.editMessageText(ctx.t("member-card", { name: member.name, role: member.role }), { reply_markup: kb }).catch(() => undefined);
    }
    const result = removeMember(ctx.deps.db, { teamId: team.id, memberId, actorId: me.id });
    if (!result.ok) {
      const text = ctx.t(`member-remove-refused-${result.reason}`, { name: result.name ?? "", count: result.clients ?? 0 });
      return ctx.answerCallbackQuery({ text: text.slice(0, 200), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    ctx.log.info({ memberId: result.member.id }, "member removed");
    await refreshTeam(ctx, team, ctx.t("member-removed", { name: result.member.name }));
    if (result.member.telegramId) {
      await ctx.menus.show(result.member.telegramId, "none").catch((err) => ctx.log.warn({ err }, "could not reset the removed member's menu"));
      tell(ctx, { telegramId: result.member.telegramId, teamId: team.id, kind: "member_removed", dedupeKey: `member-removed:${result.member.id}` }, "member-removed-you", { team: team.name });
    }
  },
  privateChat,
);

onButton(
  membersFeature,
  teamMenuButtons.back,
  async (ctx) => {
    const membership = await requireLead(ctx);
    if (!membership) return;
    await ctx.answerCallbackQuery();
    await refreshTeam(ctx, membership.team);
  },
  privateChat,
);

onButton(
  membersFeature,
  teamMenuButtons.deleteTeam,
  async (ctx) => {
    if (!(await requireLead(ctx))) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.exit(deleteTeamId);
    await ctx.conversation.enter(deleteTeamId);
  },
  privateChat,
);

/** Shows /team again in the tapped message, with a line on what just happened on top. */
async function refreshTeam(ctx: BotContext, team: Team, note?: string) {
  const me = ctx.actor.member!;
  const view = renderTeam(ctx.t, {
    team,
    me,
    people: listMembers(ctx.deps.db, team.id),
    pending: pendingJoinRequests(ctx.deps.db, team.id),
    manage: true,
    botUsername: ctx.me.username,
    now: ctx.deps.clock.now(),
  });
  const text = note ? `${note}\n\n${view.text}` : view.text;
  await ctx.editMessageText(text, { link_preview_options: { is_disabled: true }, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) }).catch(() => undefined);
}

// Added to a group: say what the bot does there, in two lines.
membersFeature.on("my_chat_member", async (ctx) => {
  if (ctx.chat.type === "private") return;
  const before = ctx.myChatMember.old_chat_member.status;
  const after = ctx.myChatMember.new_chat_member.status;
  const wasIn = before === "member" || before === "administrator" || before === "creator" || before === "restricted";
  const isIn = after === "member" || after === "administrator";
  if (wasIn || !isIn) return;
  await ctx.reply(ctx.t("bot-added-to-group")).catch((err) => ctx.log.warn({ err }, "could not greet the group"));
});
