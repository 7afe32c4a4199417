// /clients: pages of clients with filters (leads), a card per client, and the lead's owner tools.
// One message is edited in place as the person moves between list, card and pickers.
import { Composer, InlineKeyboard } from "grammy";
import { localDate } from "../platform/calendar.js";
import {
  changeOwner,
  clientById,
  clientCard,
  listClients,
  ownersWithClients,
  possibleOwners,
  teamMember,
  type Viewer,
} from "./clients.js";
import { mayChangeClients } from "../handover/leaver-access.js";
import { linkNameOnlyMember, nameOnlyMembers } from "../team/name-only-members.js";
import { enqueue } from "../outbox/outbox.js";
import type { BotContext } from "../bot/context.js";
import { deleteClient } from "../team/erase-queries.js";
import { addClientId } from "./add-client-dialogue.js";
import { addCommitmentId } from "./add-commitment-dialogue.js";
import { leadOnlyKey, requireClientAccess, type Membership } from "../bot/guards.js";
import { translator } from "../platform/locale.js";
import { cb, clientsButtons, type ListState } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { localeOfUser } from "../team/member-locale.js";
import { distinctLabels, phoneTail } from "../bot/picker-labels.js";
import { cardKeyboard, cardText, listButtonLabel, TEMP_ICON, type CardView } from "./card-view.js";

export const clientsFeature = new Composer<BotContext>();

clientsFeature.chatType(["group", "supergroup"]).command(["clients", "client", "export"], (ctx) => ctx.reply(ctx.t("clients-private-only")));

clientsFeature.chatType("private").command("clients", async (ctx) => {
  const membership = await requireClientAccess(ctx, "read");
  if (!membership) return;
  const view = listView(ctx, membership, { page: 0 });
  return ctx.reply(view.text, { reply_markup: view.keyboard });
});

clientsFeature.chatType("private").command("client", async (ctx) => {
  if (!(await requireClientAccess(ctx, "write"))) return;
  // Only an earlier copy of this dialogue closes; an open /offboard or call card dialogue stays.
  await ctx.conversation.exit(addClientId);
  await ctx.conversation.enter(addClientId);
});

onButton(clientsFeature, clientsButtons, async (ctx, action) => {
  const reading = action.kind === "list" || action.kind === "card" || action.kind === "pickOwnerFilter";
  const membership = await requireClientAccess(ctx, reading ? "read" : "write");
  if (!membership) return;
  const isLead = membership.member.role === "lead";
  const viewer = viewerOf(membership);

  switch (action.kind) {
    case "list": {
      await ctx.answerCallbackQuery();
      const view = listView(ctx, membership, action.state);
      return show(ctx, view.text, view.keyboard);
    }
    case "card": {
      const card = clientCard(ctx.deps.db, viewer, action.clientId);
      if (!card) return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      await ctx.answerCallbackQuery();
      const v = cardView(ctx, membership);
      return show(ctx, cardText(v, card), cardKeyboard(v, card.client.id, action.back));
    }
    case "pickOwnerFilter": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const o of ownersWithClients(ctx.deps.db, membership.team.id).slice(0, 40)) {
        kb.text(`${o.name} (${o.n})`, cb.list({ ...withoutPage(action.state), owner: o.id, page: 0 })).row();
      }
      kb.text(ctx.t("clients-filter-unassigned"), cb.list({ ...withoutPage(action.state), owner: "none", page: 0 })).row();
      const { owner: _owner, ...rest } = action.state;
      kb.text(ctx.t("clients-filter-all-owners"), cb.list({ ...rest, page: 0 })).row();
      return show(ctx, ctx.t("clients-pick-owner"), kb);
    }
    case "changeOwner": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const card = clientCard(ctx.deps.db, viewer, action.clientId);
      if (!card) return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const m of possibleOwners(ctx.deps.db, membership.team.id).slice(0, 40)) {
        if (m.id === card.client.ownerId) continue;
        kb.text(m.telegramId === null ? `${m.name} ✎` : m.name, cb.setOwner(action.clientId, m.id)).row();
      }
      if (card.client.ownerId !== null) kb.text(ctx.t("clients-filter-unassigned"), cb.setOwner(action.clientId, "none")).row();
      kb.text(ctx.t("client-button-back"), cb.card(action.clientId, { page: 0 }));
      return show(ctx, ctx.t("client-pick-new-owner", { name: card.client.name }), kb);
    }
    case "setOwner": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const now = ctx.deps.clock.now();
      const to = action.to === "none" ? null : action.to;
      const result = changeOwner(ctx.deps.db, { viewer, clientId: action.clientId, toMemberId: to, now });
      if (result === "not_found") return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      if (result === "bad_owner") return ctx.answerCallbackQuery({ text: ctx.t("client-bad-owner-toast") });
      if (result === "departing") return ctx.answerCallbackQuery({ text: ctx.t("client-departing-owner-toast") });
      await ctx.answerCallbackQuery({ text: ctx.t(result === "same" ? "client-owner-same-toast" : "client-owner-changed-toast") });
      if (result === "changed" && to !== null) notifyNewOwner(ctx, action.clientId, to, membership.member.id, now);
      const card = clientCard(ctx.deps.db, viewer, action.clientId);
      if (!card) return;
      const v = cardView(ctx, membership);
      return show(ctx, cardText(v, card), cardKeyboard(v, card.client.id, null));
    }
    case "deleteAsk": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const card = clientCard(ctx.deps.db, viewer, action.clientId);
      if (!card) return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard()
        .text(ctx.t("client-delete-confirm"), cb.deleteDo(action.clientId))
        .row()
        .text(ctx.t("client-button-back"), cb.card(action.clientId, { page: 0 }));
      return show(ctx, ctx.t("client-delete-ask", { name: card.client.name, id: card.client.id }), kb);
    }
    case "deleteDo": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const result = deleteClient(ctx.deps.db, { teamId: membership.team.id, clientId: action.clientId, actorId: membership.member.id, now: ctx.deps.clock.now() });
      if (result === "not_found") return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      await ctx.answerCallbackQuery();
      ctx.log.info({ clientId: action.clientId }, "client deleted");
      return show(ctx, ctx.t("client-deleted", { id: action.clientId }), new InlineKeyboard().text(ctx.t("client-button-back"), cb.list({ page: 0 })));
    }
    case "addCommitment": {
      const card = clientCard(ctx.deps.db, viewer, action.clientId);
      if (!card) return ctx.answerCallbackQuery({ text: ctx.t("client-not-found-toast") });
      await ctx.answerCallbackQuery();
      await ctx.conversation.exit(addCommitmentId); // one open copy of this dialogue; others stay
      return ctx.conversation.enter(addCommitmentId, action.clientId);
    }
    case "names": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      await ctx.answerCallbackQuery();
      const names = nameOnlyMembers(ctx.deps.db, membership.team.id);
      const kb = new InlineKeyboard();
      for (const m of names.slice(0, 40)) kb.text(m.name, cb.nameTargets(m.id)).row();
      kb.text(ctx.t("client-button-back"), cb.list({ page: 0 }));
      return show(ctx, ctx.t(names.length ? "clients-names-pick" : "clients-names-none"), kb);
    }
    case "nameTargets": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const source = nameOnlyMembers(ctx.deps.db, membership.team.id).find((m) => m.id === action.nameOnlyId);
      if (!source) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard();
      for (const m of possibleOwners(ctx.deps.db, membership.team.id)) {
        if (m.telegramId !== null) kb.text(m.name, cb.linkName(source.id, m.id)).row();
      }
      kb.text(ctx.t("client-button-back"), cb.names());
      return show(ctx, ctx.t("clients-names-pick-target", { name: source.name }), kb);
    }
    case "linkName": {
      if (!isLead) return ctx.answerCallbackQuery({ text: ctx.t(leadOnlyKey(ctx.actor, true)) });
      const source = teamMember(ctx.deps.db, membership.team.id, action.nameOnlyId);
      const result = linkNameOnlyMember(ctx.deps.db, {
        teamId: membership.team.id,
        nameOnlyId: action.nameOnlyId,
        targetId: action.targetId,
        actorId: membership.member.id,
        now: ctx.deps.clock.now(),
      });
      if (!result.ok) return ctx.answerCallbackQuery({ text: ctx.t(`clients-names-${result.reason}`) });
      await ctx.answerCallbackQuery();
      const target = teamMember(ctx.deps.db, membership.team.id, action.targetId);
      const text = ctx.t("clients-names-linked", { name: source?.name ?? "", target: target?.name ?? "", n: result.moved });
      return show(ctx, text, new InlineKeyboard().text(ctx.t("client-button-back"), cb.list({ page: 0 })));
    }
  }
});

/** Drops the empty rows `.row()` leaves at the end of a keyboard. */
function tidy(kb: InlineKeyboard): InlineKeyboard {
  for (let i = kb.inline_keyboard.length - 1; i >= 0; i--) if (kb.inline_keyboard[i]!.length === 0) kb.inline_keyboard.splice(i, 1);
  return kb;
}

function viewerOf(m: Membership): Viewer {
  return { memberId: m.member.id, teamId: m.team.id, role: m.member.role };
}

function withoutPage(s: ListState): ListState {
  return { ...s, page: 0 };
}

export function cardView(ctx: BotContext, m: Membership): CardView {
  return {
    t: ctx.t,
    locale: ctx.actor.locale,
    timezone: m.team.timezone,
    today: localDate(ctx.deps.clock.now(), m.team.timezone),
    isLead: m.member.role === "lead",
    readOnly: !mayChangeClients(ctx.deps.db, m.member),
  };
}

/** Edits the message the button was on; a message too old to edit gets a fresh one instead. */
async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard) {
  tidy(keyboard);
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  } catch (err) {
    if (String(err).includes("message is not modified")) return;
    await ctx.reply(text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  }
}

function listView(ctx: BotContext, membership: Membership, state: ListState): { text: string; keyboard: InlineKeyboard } {
  const isLead = membership.member.role === "lead";
  const filter = isLead ? { ...(state.owner !== undefined ? { owner: state.owner } : {}), ...(state.temperature ? { temperature: state.temperature } : {}) } : state.temperature ? { temperature: state.temperature } : {};
  const page = listClients(ctx.deps.db, viewerOf(membership), filter, state.page);
  const current: ListState = { ...filter, page: page.page };
  const kb = new InlineKeyboard();
  const labels = distinctLabels(
    page.items.map((item) => listButtonLabel(item, isLead && state.owner === undefined)),
    (i) => [phoneTail(page.items[i]!.primaryPhone), page.items[i]!.ownerName],
  );
  page.items.forEach((item, i) => kb.text(labels[i]!, cb.card(item.id, current)).row());
  if (page.pages > 1) {
    if (page.page > 0) kb.text("◀", cb.list({ ...current, page: page.page - 1 }));
    kb.text(`${page.page + 1}/${page.pages}`, cb.list(current));
    if (page.page < page.pages - 1) kb.text("▶", cb.list({ ...current, page: page.page + 1 }));
    kb.row();
  }
  // Filters: tapping the active one switches it off.
  for (const temp of ["hot", "warm", "cold"] as const) {
    const active = current.temperature === temp;
    const next: ListState = { ...current, page: 0 };
    if (active) delete next.temperature;
    else next.temperature = temp;
    kb.text(`${active ? "✓ " : ""}${TEMP_ICON[temp]}`, cb.list(next));
  }
  kb.row();
  if (isLead) {
    const unassigned = current.owner === "none";
    const next: ListState = { ...current, page: 0 };
    if (unassigned) delete next.owner;
    else next.owner = "none";
    kb.text(`${unassigned ? "✓ " : ""}${ctx.t("clients-filter-unassigned")}`, cb.list(next));
    kb.text(ctx.t(typeof current.owner === "number" ? "clients-filter-owner-active" : "clients-filter-owner"), cb.pickOwnerFilter(current));
    kb.row();
    if (nameOnlyMembers(ctx.deps.db, membership.team.id).length > 0) kb.text(ctx.t("clients-names-button"), cb.names()).row();
  }

  const filtered = current.temperature !== undefined || current.owner !== undefined;
  const ownerName = typeof current.owner === "number" ? (teamMember(ctx.deps.db, membership.team.id, current.owner)?.name ?? "?") : "";
  const header = ctx.t(isLead ? "clients-header-team" : "clients-header-mine", { n: page.total, page: page.page + 1, pages: page.pages });
  const filterLine = filtered
    ? ctx.t("clients-filter-line", {
        temperature: current.temperature ?? "any",
        owner: current.owner === "none" ? "none" : typeof current.owner === "number" ? "member" : "any",
        ownerName,
      })
    : "";
  const body = page.total === 0 ? ctx.t(filtered ? "clients-empty-filtered" : isLead ? "clients-empty-lead" : "clients-empty-manager") : ctx.t("clients-tap-hint");
  return { text: [header, filterLine, body].filter(Boolean).join("\n"), keyboard: tidy(kb) };
}

/** The new owner hears about the client through the outbox (they are not the one tapping). */
function notifyNewOwner(ctx: BotContext, clientId: number, toMemberId: number, actorId: number, now: Date) {
  if (toMemberId === actorId) return;
  const db = ctx.deps.db;
  const client = clientById(db, clientId);
  const to = client ? teamMember(db, client.teamId, toMemberId) : null;
  if (!to?.telegramId || !client) return;
  const t = translator(ctx.i18nInstance, localeOfUser(db, to.telegramId));
  enqueue(
    db,
    {
      chatId: to.telegramId,
      teamId: client.teamId,
      memberId: to.id,
      kind: "client_assigned",
      dedupeKey: `client_assigned:${clientId}:${to.id}:${now.getTime()}`,
      text: t("client-assigned-notice", { name: client.name }),
      replyMarkup: new InlineKeyboard().text(t("client-button-open"), cb.card(clientId, { page: 0 })),
    },
    now,
  );
}
