// /offboard: the list of handovers in progress (resume one, start a new one), the team's checklist
// template, and the leaver's "Start" button for their form.
import { Composer, InlineKeyboard } from "grammy";
import { editTemplate, ensureTemplate, type TemplateEdit } from "./checklist-template.js";
import { activeHandovers } from "./handovers.js";
import { getHandover } from "./checklist.js";
import { teamOfGroup } from "../team/teams.js";
import { progressBar } from "./checklist-view.js";
import type { BotContext } from "../bot/context.js";
import { leaverFormId, parseFormStart } from "./interview-form-dialogue.js";
import { offboardConversationId } from "./offboard-dialogue.js";
import { checklistInputId } from "./checklist-input-dialogue.js";
import { requireLead, type Membership } from "../bot/guards.js";
import { chk } from "./checklist-keyboards.js";
import { renderTemplateMenu, type TemplateMode } from "./checklist-template-keyboards.js";
import { off } from "./keyboards.js";
import { formatDay } from "./views.js";
import { localDate } from "../platform/calendar.js";

export const offboardFeature = new Composer<BotContext>();

/** A lead, in a private chat or in the group linked to their team. */
async function leadHere(ctx: BotContext): Promise<Membership | null> {
  const membership = await requireLead(ctx);
  if (!membership) return null;
  if (ctx.chat && ctx.chat.type !== "private" && teamOfGroup(ctx.deps.db, ctx.chat.id)?.id !== membership.team.id) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("offboard-group-not-linked-toast") });
    else await ctx.reply(ctx.t("offboard-group-not-linked"));
    return null;
  }
  return membership;
}

/**
 * Opens the /offboard dialogue. In a private chat an open checklist input (an interview, a skip reason)
 * is closed first, so the new dialogue gets the typed answers; in a group other leads' dialogues live in
 * the same chat, so nothing is closed there.
 */
async function enterOffboard(ctx: BotContext) {
  if (ctx.chat?.type === "private") await ctx.conversation.exit(checklistInputId);
  await ctx.conversation.enter(offboardConversationId);
}

offboardFeature.command("offboard", async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  const arg = ctx.match.trim().toLowerCase();
  if (/^(template|шаблон)$/.test(arg)) return showTemplate(ctx, membership, { kind: "main" }, "new");
  const list = activeHandovers(ctx.deps.db, membership.team.id);
  if (list.length === 0) return enterOffboard(ctx);
  const today = localDate(ctx.deps.clock.now(), membership.team.timezone);
  const lines = list.map((h) =>
    ctx.t("offboard-list-line", { leaver: h.leaverName, barHtml: progressBar(h.done, h.total), lastDay: formatDay(h.lastDay, ctx.actor.locale, today) }),
  );
  const kb = new InlineKeyboard();
  for (const h of list.slice(0, 20)) kb.text(`${ctx.t("offboard-button-open")} ${h.leaverName}`.slice(0, 60), chk.open(h.id)).row();
  kb.text(ctx.t("offboard-button-new"), off.newHandover()).text(ctx.t("offboard-button-template"), off.template());
  return ctx.reply([ctx.t("offboard-list-title", { count: list.length }), "", ...lines].join("\n"), { reply_markup: kb });
});

// Reached only when no open /offboard dialogue of this lead took the tap over.
offboardFeature.callbackQuery(off.newHandover(), async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await enterOffboard(ctx);
});

// The leaver was picked in the group; the lead goes on here, in private.
offboardFeature.chatType("private").callbackQuery(/^off:go:(\d{1,12})(:g)?$/, async (ctx) => {
  const membership = await requireLead(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(checklistInputId);
  await ctx.conversation.exit(offboardConversationId); // one open copy of a dialogue per chat
  await ctx.conversation.enter(offboardConversationId, { leaverId: Number(ctx.match[1]), fromGroup: ctx.match[2] !== undefined });
});

// --- Template --------------------------------------------------------------------------------------

async function showTemplate(ctx: BotContext, membership: Membership, mode: TemplateMode, where: "new" | "edit") {
  const steps = ensureTemplate(ctx.deps.db, membership.team.id);
  const { text, keyboard } = renderTemplateMenu(ctx.t, steps, mode);
  if (where === "edit" && ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch((err) => {
      if (!/not modified/i.test(String(err?.description ?? err))) throw err;
    });
    return;
  }
  await ctx.reply(text, { reply_markup: keyboard });
}

offboardFeature.callbackQuery(off.template(), async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "main" }, "new");
});

offboardFeature.callbackQuery(off.templateMenu(), async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "main" }, "edit");
});

offboardFeature.callbackQuery(/^off:tpl:(s|rm):(\d+)$/, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  const stepId = Number(ctx.match[2]);
  const steps = ensureTemplate(ctx.deps.db, membership.team.id);
  if (!steps.some((s) => s.id === stepId)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: ctx.match[1] === "s" ? "step" : "remove", stepId }, "edit");
});

offboardFeature.callbackQuery(off.templateReset(), async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "reset" }, "edit");
});

offboardFeature.callbackQuery(off.templateClose(), async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery({ text: ctx.t("checklist-template-closed") });
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
});

// A step action carries its step id; "reset" carries none (extra parts mean forged data: stale).
offboardFeature.callbackQuery(/^off:tpl:(?:(up|dn|rmy|def):(\d{1,12})|(resety))$/, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  const op = ctx.match[1] ?? ctx.match[3]!;
  const stepId = Number(ctx.match[2] ?? 0);
  const edit: TemplateEdit =
    op === "up" || op === "dn"
      ? { op: "move", stepId, direction: op === "up" ? -1 : 1 }
      : op === "rmy"
        ? { op: "remove", stepId }
        : op === "def"
          ? { op: "rename", stepId, title: null }
          : { op: "reset" };
  const result = editTemplate(ctx.deps.db, { teamId: membership.team.id, actorId: membership.member.id, edit, now: ctx.deps.clock.now() });
  await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? "checklist-template-saved" : `checklist-template-refused-${result.reason}`) });
  const mode: TemplateMode = result.ok && (op === "up" || op === "dn" || op === "def") ? { kind: "step", stepId } : { kind: "main" };
  await showTemplate(ctx, membership, mode, "edit");
});

// --- The leaver's form -------------------------------------------------------------------------------

// Reached only when no open form of this person took the tap over.
offboardFeature.callbackQuery(/^off:lf:(go:\d+:\d+)$/, async (ctx) => {
  const start = parseFormStart(ctx.match[1]!);
  const member = ctx.actor.member;
  const handover = start ? getHandover(ctx.deps.db, start.handoverId) : null;
  if (!start || !member || !handover || handover.leaverId !== member.id || handover.status !== "active" || ctx.chat?.type !== "private") {
    return ctx.answerCallbackQuery({ text: ctx.t("offboard-form-unavailable-toast") });
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(leaverFormId); // one open copy of a dialogue per chat
  await ctx.conversation.enter(leaverFormId, start.handoverId, start.leadId);
});
