// /client: name -> phone (optional) -> company (optional) -> temperature -> owner (a lead picks; a
// manager's client is their own) -> one client written, shown as its card.
import { InlineKeyboard } from "grammy";
import { localDate } from "../platform/calendar.js";
import { clientCard, createClient, possibleOwners } from "./clients.js";
import type { Temperature } from "../db/schema.js";
import type { ConvContext } from "../bot/context.js";
import { cardKeyboard, cardText, TEMP_ICON } from "./card-view.js";
import { askUntil, type Conv } from "../bot/dialogues/ask.js";
import { hasVisibleText } from "../bot/dialogues/text-input.js";
import { normalisePhone } from "./import/parse-cells.js";
import { addClientButtons } from "./keyboards.js";

export const addClientId = "add-client";
const TEMPS: Temperature[] = ["hot", "warm", "cold"];
const buttons = addClientButtons;
const MAX_NAME = 200;

export async function addClientConversation(conversation: Conv, ctx: ConvContext): Promise<void> {
  const skip = new InlineKeyboard().text(ctx.t("client-add-skip"), buttons.codecs.skip.encode());

  const name = await askUntil(conversation, ctx, { text: ctx.t("client-add-ask-name"), buttons }, async (a) => {
    const value = a.kind === "text" ? a.text.replace(/\s+/g, " ").trim() : "";
    if (value.length < 1 || value.length > MAX_NAME || !hasVisibleText(value)) return { ok: false, error: ctx.t("client-add-name-invalid", { max: MAX_NAME }) };
    return { ok: true, value };
  });

  const phone = await askUntil(conversation, name.ctx, { text: ctx.t("client-add-ask-phone"), keyboard: skip, buttons }, async (a) => {
    if (a.kind === "button") return a.tap?.kind === "skip" ? { ok: true, value: null } : { ok: false, error: ctx.t("client-add-phone-invalid") };
    // A phone as typed (+7 916 123-45-67, 8 (916) 123 45 67, 89161234567) -> E.164: the import's rule.
    const value = normalisePhone(a.text.trim(), "RU");
    return value ? { ok: true, value } : { ok: false, error: ctx.t("client-add-phone-invalid") };
  });

  const company = await askUntil(conversation, phone.ctx, { text: ctx.t("client-add-ask-company"), keyboard: skip, buttons }, async (a) => {
    if (a.kind === "button") return a.tap?.kind === "skip" ? { ok: true, value: null } : { ok: false, error: ctx.t("client-add-company-invalid") };
    const value = a.text.replace(/\s+/g, " ").trim();
    return value.length >= 1 && value.length <= MAX_NAME && hasVisibleText(value) ? { ok: true, value } : { ok: false, error: ctx.t("client-add-company-invalid") };
  });

  const tempKeyboard = new InlineKeyboard();
  for (const temp of TEMPS) tempKeyboard.text(`${TEMP_ICON[temp]} ${ctx.t("client-temperature", { temperature: temp })}`, buttons.codecs.temperature.encode({ temperature: temp }));
  const temperature = await askUntil(conversation, company.ctx, { text: ctx.t("client-add-ask-temperature"), keyboard: tempKeyboard, buttons }, async (a) => {
    const tap = a.kind === "button" ? a.tap : null;
    return tap?.kind === "temperature" ? { ok: true, value: tap.temperature } : { ok: false, error: ctx.t("client-add-pick-temperature") };
  });

  const member = ctx.actor.member!;
  const team = ctx.actor.team!;
  let owner: { value: number | null; ctx: ConvContext } = { value: member.id, ctx: temperature.ctx };
  if (member.role === "lead") {
    const people = await conversation.external((c) => possibleOwners(c.deps.db, team.id).map((m) => ({ id: m.id, name: m.name })));
    const kb = new InlineKeyboard();
    people.slice(0, 40).forEach((p, i) => {
      kb.text(p.id === member.id ? ctx.t("client-add-owner-me", { name: p.name }) : p.name, buttons.codecs.owner.encode({ owner: p.id }));
      if (i % 2 === 1) kb.row();
    });
    kb.row().text(ctx.t("clients-filter-unassigned"), buttons.codecs.owner.encode({ owner: "none" }));
    const ids = new Set(people.map((p) => p.id));
    owner = await askUntil(conversation, temperature.ctx, { text: ctx.t("client-add-ask-owner"), keyboard: kb, buttons }, async (a) => {
      const picked = a.kind === "button" && a.tap?.kind === "owner" ? a.tap.owner : undefined;
      if (picked === "none") return { ok: true, value: null };
      return picked !== undefined && ids.has(picked) ? { ok: true, value: picked } : { ok: false, error: ctx.t("client-add-pick-owner") };
    });
  }

  const viewer = { memberId: member.id, teamId: team.id, role: member.role };
  const result = await conversation.external((c) =>
    createClient(c.deps.db, {
      teamId: team.id,
      actorMemberId: member.id,
      name: name.value,
      phone: phone.value,
      company: company.value,
      temperature: temperature.value,
      ownerId: owner.value,
      now: c.deps.clock.now(),
    }),
  );
  const done = owner.ctx;
  if (!result.ok) {
    if (result.reason === "duplicate_phone") {
      const visible = member.role === "lead" || result.ownerId === member.id;
      await done.reply(done.t(visible ? "client-add-duplicate" : "client-add-duplicate-other"));
      if (!visible) return;
      await showCard(conversation, done, viewer, result.clientId, team.timezone);
      return;
    }
    await done.reply(done.t("client-add-bad-owner"));
    return;
  }
  await done.reply(done.t("client-add-done"));
  await showCard(conversation, done, viewer, result.clientId, team.timezone);
}

async function showCard(conversation: Conv, ctx: ConvContext, viewer: { memberId: number; teamId: number; role: "lead" | "manager" }, clientId: number, timezone: string) {
  const rendered = await conversation.external((c) => {
    const card = clientCard(c.deps.db, viewer, clientId);
    if (!card) return null;
    const v = { t: c.t, locale: c.actor.locale, timezone, today: localDate(c.deps.clock.now(), timezone), isLead: viewer.role === "lead" };
    return { text: cardText(v, card), keyboard: cardKeyboard(v, clientId, null).inline_keyboard };
  });
  if (rendered) await ctx.reply(rendered.text, { reply_markup: { inline_keyboard: rendered.keyboard } });
}
