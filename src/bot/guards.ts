import { hotQueries } from "../db/hot-queries.js";
import type { BotContext, Member, Team } from "./context.js";

export type Membership = { member: Member; team: Team };

/** Reading client data, or changing it. */
export type AccessNeed = "read" | "write";

/** Tells a stranger, politely, how to get in; in a button tap it is a short toast. */
async function refuse(ctx: BotContext, key: string): Promise<null> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key) }).catch(() => undefined);
  else await ctx.reply(ctx.t(key), { link_preview_options: { is_disabled: true } });
  return null;
}

export async function requireMember(ctx: BotContext): Promise<Membership | null> {
  const { member, team } = ctx.actor;
  if (!member || !team) {
    if (ctx.callbackQuery) return refuse(ctx, "not-member-toast");
    if (ctx.chat === undefined || ctx.chat.type === "private") return refuse(ctx, "not-member");
    await ctx.reply(notMemberInGroup(ctx));
    return null;
  }
  return { member, team };
}

/**
 * A stranger's command in a group: in a group a team has linked, they are not in that team (telling them
 * the group is not linked would send them to ask a lead to link it again), and the team is not named to
 * them; elsewhere, the group is not linked.
 */
export function notMemberInGroup(ctx: BotContext): string {
  const linked = ctx.chat ? hotQueries(ctx.deps.db).teamByGroup.get({ id: ctx.chat.id }) : undefined;
  return linked ? ctx.t("not-member-linked-group") : ctx.t("not-member-group");
}

export async function requireLead(ctx: BotContext): Promise<Membership | null> {
  const membership = await requireMember(ctx);
  if (!membership) return null;
  if (membership.member.role !== "lead") return refuse(ctx, leadOnlyKey(ctx.actor, !!ctx.callbackQuery));
  return membership;
}

/** Why a member may not do a lead's thing: not a lead, or a lead being offboarded (loadActor). */
export function leadOnlyKey(actor: { leadSuspended: boolean }, toast: boolean): string {
  const key = actor.leadSuspended ? "leaver-not-lead" : "lead-only";
  return toast ? `${key}-toast` : key;
}

/**
 * A member who may read (or change) client data now: the leaver's rights (handover/leaver-access.ts) are
 * checked here for every feature that shows or changes clients, and a leaver is told why politely.
 */
export async function requireClientAccess(ctx: BotContext, need: AccessNeed, lead = false): Promise<Membership | null> {
  const membership = lead ? await requireLead(ctx) : await requireMember(ctx);
  if (!membership) return null;
  const access = ctx.rules.clientAccess(ctx.deps.db, membership.member.id, ctx.deps.clock.now());
  if (access.level === "full" || (access.level === "read" && need === "read")) return membership;
  const key = access.level === "read" ? "leaver-read-only" : (`leaver-no-access-${access.reason}` as const);
  const vars = { lastDay: access.lastDay ? access.lastDay.split("-").reverse().slice(0, 2).join(".") : "" };
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(`${key}-toast`, vars), show_alert: true }).catch(() => undefined);
  else await ctx.reply(ctx.t(key, vars));
  return null;
}
