// The leaver's form: in their private chat, the bot walks their clients one by one (hot first) and asks
// what is still open with each — a promise, a document owed, a deadline — or "nothing open", or skip.
// What they write becomes commitments of the handover; the lead who asked gets a summary via the outbox.
// Started by the leaver's own tap on the "Start" button the bot sent them (a conversation cannot be
// entered in somebody else's chat).
import { InlineKeyboard } from "grammy";
import { eq } from "drizzle-orm";
import { members } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { getHandover } from "./checklist.js";
import { findDate, guessKind, handoverClients, MAX_COMMITMENT_TEXT, queueFormMessage, recordHandoverCommitment } from "./interview.js";
import { formatDay, formatDayWithWeekday } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
import { localeOfUser } from "../team/member-locale.js";
import { textsFor } from "../bot/i18n.js";
import { handoverLeadRecipient } from "./summary.js";
import { parseUserDate } from "../platform/date-input.js";
import type { ConvContext } from "../bot/context.js";
import type { Locale } from "../platform/locale.js";
import { refreshChecklistMessage } from "./checklist-message-telegram.js";
import { chk } from "./checklist-keyboards.js";
import { leaverFormButtons, off } from "./keyboards.js";
import { waitAnswer, type Answer, type Conv } from "../bot/dialogues/ask.js";
import { quoteBack } from "../bot/dialogues/text-input.js";

export const leaverFormId = "leaver-form";

/** How many filled-in lines the lead's summary lists in full. */
const SUMMARY_LINES = 30;

class Restart {
  constructor(
    readonly handoverId: number,
    readonly leadId: number,
    readonly ctx: ConvContext,
  ) {}
}

export async function leaverFormConversation(conversation: Conv, ctx: ConvContext, handoverId: number, leadId: number): Promise<void> {
  let current = { handoverId, leadId, ctx };
  for (;;) {
    try {
      await form(conversation, current.ctx, current.handoverId, current.leadId);
      return;
    } catch (err) {
      if (!(err instanceof Restart)) throw err;
      current = { handoverId: err.handoverId, leadId: err.leadId, ctx: err.ctx };
    }
  }
}

interface Filled {
  client: string;
  text: string;
  dueOn: string | null;
}

type FormAnswer = Parameters<typeof off.formAnswer>[0];

async function form(conversation: Conv, ctx: ConvContext, handoverId: number, leadId: number): Promise<void> {
  const starterId = ctx.from!.id;
  /** A typed text, or the value of an answer button (null: not one of this form's answers). */
  const next = async (): Promise<Answer<FormAnswer>> => {
    const a = await waitAnswer(conversation, starterId, leaverFormButtons);
    if (a.kind === "button") {
      if (a.tap?.kind === "start") throw new Restart(a.tap.handoverId, a.tap.leadId, a.ctx);
      return { ...a, tap: a.tap?.kind === "answer" ? a.tap.value : null };
    }
    return a;
  };

  const info = await conversation.external((c) => {
    const handover = getHandover(c.deps.db, handoverId);
    const me = c.actor.member;
    if (!handover || handover.status !== "active" || !me || me.id !== handover.leaverId) return { ok: false as const };
    const team = c.actor.team!;
    const clients = handoverClients(c.deps.db, handover).map((cl) => ({ id: cl.id, name: cl.name, company: cl.company, temperature: cl.temperature }));
    return { ok: true as const, memberId: me.id, name: me.name, timezone: team.timezone, clients };
  });
  if (!info.ok) {
    await ctx.reply(ctx.t("offboard-form-unavailable"));
    return;
  }
  const locale = (ctx.actor?.locale ?? "ru") as Locale;
  const filled: Filled[] = [];
  let nothing = 0;
  let skipped = 0;
  let reviewed = 0;
  let last = ctx;

  if (info.clients.length > 0) {
    await ctx.reply(ctx.t("offboard-form-intro", { count: info.clients.length }));
    walk: for (let i = 0; i < info.clients.length; i++) {
      const client = info.clients[i]!;
      const kb = new InlineKeyboard()
        .text(ctx.t("offboard-form-button-nothing"), off.formAnswer("none"))
        .text(ctx.t("offboard-form-button-skip"), off.formAnswer("skip"))
        .row()
        .text(ctx.t("offboard-form-button-end"), off.formAnswer("end"));
      await last.reply(
        ctx.t("offboard-form-client", { index: i + 1, total: info.clients.length, name: client.company ? `${client.name} (${client.company})` : client.name, temperature: client.temperature }),
        { reply_markup: kb },
      );
      let recordedHere = 0;
      for (;;) {
        const a = await next();
        last = a.ctx;
        if (a.kind === "button") {
          if (a.tap === "end") break walk;
          if (a.tap === "none") {
            if (recordedHere === 0) nothing += 1;
            reviewed += 1;
            break;
          }
          if (a.tap === "next") {
            reviewed += 1;
            break;
          }
          if (a.tap === "skip") {
            skipped += 1;
            break;
          }
          await a.ctx.reply(ctx.t("offboard-form-type-or-tap"), { reply_markup: kb });
          continue;
        }
        const text = a.text.replace(/\s+/g, " ").trim();
        if (text.length < 2 || text.length > MAX_COMMITMENT_TEXT) {
          await a.ctx.reply(ctx.t("offboard-form-text-invalid", { max: MAX_COMMITMENT_TEXT }), { reply_markup: kb });
          continue;
        }
        const nowMs = await conversation.external((c) => c.deps.clock.now().getTime());
        const ref = { now: new Date(nowMs), timezone: info.timezone };
        let dueOn = findDate(text, ref);
        if (!dueOn) {
          const dateKb = new InlineKeyboard().text(ctx.t("offboard-form-button-no-date"), off.formAnswer("nodate"));
          await a.ctx.reply(ctx.t("offboard-form-ask-date"), { reply_markup: dateKb });
          for (;;) {
            const b = await next();
            last = b.ctx;
            if (b.kind === "button" && b.tap === "nodate") break;
            if (b.kind === "text") {
              dueOn = parseUserDate(b.text, ref);
              if (dueOn) break;
              await b.ctx.reply(ctx.t("offboard-form-date-unparsed", { text: quoteBack(b.text) }), { reply_markup: dateKb });
              continue;
            }
            await b.ctx.reply(ctx.t("offboard-form-type-or-tap"), { reply_markup: dateKb });
          }
        }
        const due = dueOn;
        const result = await conversation.external((c) =>
          recordHandoverCommitment(c.deps.db, { handoverId, clientId: client.id, kind: guessKind(text, due !== null), text, dueOn: due, actorId: info.memberId, source: "leaver", now: c.deps.clock.now() }),
        );
        if (!result.ok) {
          await last.reply(ctx.t(result.reason === "not_active" ? "offboard-form-unavailable" : "offboard-form-client-gone"));
          if (result.reason === "not_active") return;
          break;
        }
        recordedHere += 1;
        filled.push({ client: client.name, text, dueOn: due });
        const today = localDate(new Date(nowMs), info.timezone);
        await last.reply(ctx.t("offboard-form-saved", { due: due ? formatDayWithWeekday(due, locale, today) : "", hasDue: due ? "yes" : "no" }), {
          reply_markup: new InlineKeyboard().text(ctx.t("offboard-form-button-next"), off.formAnswer("next")).text(ctx.t("offboard-form-button-end"), off.formAnswer("end")),
        });
      }
    }
  }

  const counts = { reviewed, total: info.clients.length, recorded: filled.length, nothing, skipped };
  const queued = await conversation.external((c) => {
    const db = c.deps.db;
    const handover = getHandover(db, handoverId);
    if (!handover) return "not_active" as const;
    const lead = db.select().from(members).where(eq(members.id, leadId)).get();
    const to =
      lead && lead.teamId === handover.teamId && lead.role === "lead" && lead.status !== "left" && lead.telegramId !== null
        ? { memberId: lead.id, telegramId: lead.telegramId }
        : handoverLeadRecipient(db, handover);
    if (!to) return "queued" as const;
    const lt = textsFor(localeOfUser(db, to.telegramId));
    const now = c.deps.clock.now();
    const today = localDate(now, info.timezone);
    const lines = [lt("offboard-form-summary-title", { leaver: info.name }), lt("offboard-form-summary-counts", counts)];
    if (filled.length > 0) lines.push("");
    for (const f of filled.slice(0, SUMMARY_LINES)) {
      lines.push(lt("offboard-form-summary-line", { client: f.client, text: clip(f.text, 200), due: f.dueOn ? formatDay(f.dueOn, localeOfUser(db, to.telegramId), today) : "", hasDue: f.dueOn ? "yes" : "no" }));
    }
    if (filled.length > SUMMARY_LINES) lines.push(lt("offboard-stake-more", { count: filled.length - SUMMARY_LINES }));
    return queueFormMessage(db, {
      handoverId,
      actorId: info.memberId,
      action: "leaver_form_done",
      details: { count: filled.length, reviewed, nothing, skipped },
      message: {
        chatId: to.telegramId,
        memberId: to.memberId,
        kind: "leaver_form_summary",
        dedupeKey: `leaver-form-done:${handoverId}:${now.getTime()}`,
        text: lines.join("\n").slice(0, 4000),
        replyMarkup: { inline_keyboard: [[{ text: lt("handover-summary-open"), callback_data: chk.open(handoverId) }]] },
      },
      now,
    });
  });
  // The interview step has closed itself: the lead's checklist shows it.
  if (queued === "queued") {
    await conversation.external((c) => refreshChecklistMessage(c.api, c.deps.db, handoverId, { now: c.deps.clock.now(), log: c.log }));
  }
  await last.reply(ctx.t(queued === "queued" ? (info.clients.length === 0 ? "offboard-form-no-clients" : "offboard-form-thanks") : "offboard-form-unavailable"));
}
