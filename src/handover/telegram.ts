// /offboard: the list of handovers in progress (resume one, start a new one), the team's checklist
// template, and the leaver's "Start" button for their form.
import { Composer, InlineKeyboard } from "grammy";
import { editTemplate, ensureTemplate, type TemplateEdit } from "./checklist-template.js";
import { activeHandovers } from "./handovers.js";
import { getHandover } from "./checklist.js";
import { teamOfGroup } from "../team/teams.js";
import { stepsProgress } from "./checklist-view.js";
import type { BotContext } from "../bot/context.js";
import { leaverFormId } from "./interview-form-dialogue.js";
import { offboardConversationId } from "./offboard-dialogue.js";
import { checklistInputId } from "./checklist-input-dialogue.js";
import { requireLead, type Membership } from "../bot/guards.js";
import { chk } from "./checklist-keyboards.js";
import { renderTemplateMenu, type TemplateMode } from "./checklist-template-keyboards.js";
import { carryOver, leaverFormButtons, off, offboardDialogueButtons, templateButtons, templateEdits } from "./keyboards.js";
import { onButton } from "../bot/button-routes.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
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
    ctx.t("offboard-list-line", { leaver: h.leaverName, barHtml: stepsProgress(h.done, h.total), lastDay: formatDayWithWeekday(h.lastDay, ctx.actor.locale, today) }),
  );
  const kb = new InlineKeyboard();
  for (const h of list.slice(0, 20)) kb.text(clip(`${ctx.t("offboard-button-open")} ${h.leaverName}`, 60), chk.open(h.id)).row();
  kb.text(ctx.t("offboard-button-new"), off.newHandover()).text(ctx.t("offboard-button-template"), off.template());
  return ctx.reply([ctx.t("offboard-list-title", { count: list.length }), "", ...lines].join("\n"), { reply_markup: kb });
});

// Reached only when no open /offboard dialogue of this lead took the tap over.
onButton(offboardFeature, offboardDialogueButtons.codecs.restart, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await enterOffboard(ctx);
});

// The leaver was picked in the group; the lead goes on here, in private.
onButton(
  offboardFeature,
  carryOver,
  async (ctx, tap) => {
    const membership = await requireLead(ctx);
    if (!membership) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.exit(checklistInputId);
    await ctx.conversation.exit(offboardConversationId); // one open copy of a dialogue per chat
    await ctx.conversation.enter(offboardConversationId, { leaverId: tap.leaverId, fromGroup: tap.fromGroup === true });
  },
  { chat: "private" },
);

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

onButton(offboardFeature, templateButtons.open, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "main" }, "new");
});

onButton(offboardFeature, templateButtons.menu, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "main" }, "edit");
});

for (const kind of ["step", "remove"] as const) {
  onButton(offboardFeature, templateButtons[kind], async (ctx, { stepId }) => {
    const membership = await leadHere(ctx);
    if (!membership) return;
    const steps = ensureTemplate(ctx.deps.db, membership.team.id);
    if (!steps.some((s) => s.id === stepId)) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
    await ctx.answerCallbackQuery();
    await showTemplate(ctx, membership, { kind, stepId }, "edit");
  });
}

onButton(offboardFeature, templateButtons.reset, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery();
  await showTemplate(ctx, membership, { kind: "reset" }, "edit");
});

onButton(offboardFeature, templateButtons.close, async (ctx) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  await ctx.answerCallbackQuery({ text: ctx.t("checklist-template-closed") });
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
});

// A step action carries its step id; "reset" carries none (extra parts mean forged data: stale).
onButton(offboardFeature, templateEdits, async (ctx, tap) => {
  const membership = await leadHere(ctx);
  if (!membership) return;
  const edit: TemplateEdit =
    tap.kind === "up" || tap.kind === "down"
      ? { op: "move", stepId: tap.stepId, direction: tap.kind === "up" ? -1 : 1 }
      : tap.kind === "removeYes"
        ? { op: "remove", stepId: tap.stepId }
        : tap.kind === "defaultWording"
          ? { op: "rename", stepId: tap.stepId, title: null }
          : { op: "reset" };
  const result = editTemplate(ctx.deps.db, { teamId: membership.team.id, actorId: membership.member.id, edit, now: ctx.deps.clock.now() });
  await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? "checklist-template-saved" : `checklist-template-refused-${result.reason}`) });
  const mode: TemplateMode = result.ok && tap.kind !== "removeYes" && tap.kind !== "resetYes" ? { kind: "step", stepId: tap.stepId } : { kind: "main" };
  await showTemplate(ctx, membership, mode, "edit");
});

// --- The leaver's form -------------------------------------------------------------------------------

// Reached only when no open form of this person took the tap over.
onButton(offboardFeature, leaverFormButtons.codecs.start, async (ctx, start) => {
  const member = ctx.actor.member;
  const handover = getHandover(ctx.deps.db, start.handoverId);
  if (!member || !handover || handover.leaverId !== member.id || handover.status !== "active" || ctx.chat?.type !== "private") {
    return ctx.answerCallbackQuery({ text: ctx.t("offboard-form-unavailable-toast") });
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(leaverFormId); // one open copy of a dialogue per chat
  await ctx.conversation.enter(leaverFormId, start.handoverId, start.leadId);
});
