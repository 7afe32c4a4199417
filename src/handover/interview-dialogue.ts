// Checklist step 3 typed by the lead: one commitment per message («Иванов — договор до 30.11»), matched
// to the leaver's clients by name; ambiguous names get buttons, unknown ones are said so. The kind is
// guessed from the words and can be corrected with buttons under each saved line (they keep working
// after the dialogue ends: they are checklist buttons, checked against the database).
import { InlineKeyboard } from "grammy";
import type { CommitmentKind } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { getHandover, stepsOf } from "./checklist.js";
import { completeInterviewStep } from "./checklist-shortcuts.js";
import { handoverClients, leaverReachable, matchClients, parseInterviewLine, recordHandoverCommitment } from "./interview.js";
import { formatDayWithWeekday } from "../platform/format/day.js";
import { accessRefusalKey, handoverAccess } from "./checklist-data.js";
import { refreshChecklistMessage } from "./checklist-message-telegram.js";
import type { ConvContext } from "../bot/context.js";
import type { Locale, Translate } from "../platform/locale.js";
import { distinctLabels, phoneTail } from "../bot/picker-labels.js";
import { chk } from "./checklist-keyboards.js";
import type { Conv } from "../bot/dialogues/ask.js";
import type { InputAnswer } from "./checklist-keyboards.js";
import { quoteBack } from "../bot/dialogues/text-input.js";

const MAX_CHOICES = 8;

/** The line shown for a saved commitment, with buttons to correct its kind or take it back. */
export function savedCommitmentMessage(
  t: Translate,
  c: { id: number; clientName: string; kind: CommitmentKind; text: string; dueOn: string | null; status?: string },
  locale: Locale,
  today: string,
): { text: string; keyboard: InlineKeyboard | { inline_keyboard: [] } } {
  const removed = c.status !== undefined && c.status !== "open";
  const text = t(removed ? "checklist-commitment-removed" : "checklist-commitment-saved", {
    client: c.clientName,
    text: c.text,
    kind: c.kind,
    due: c.dueOn ? formatDayWithWeekday(c.dueOn, locale, today) : "",
    hasDue: c.dueOn ? "yes" : "no",
  });
  if (removed) return { text, keyboard: { inline_keyboard: [] } };
  const kb = new InlineKeyboard();
  for (const kind of ["promise", "document", "deadline"] as const) {
    kb.text(`${c.kind === kind ? "• " : ""}${t(`checklist-kind-${kind}`)}`, chk.commitmentKind(c.id, kind));
  }
  kb.row().text(t("checklist-button-commitment-remove"), chk.commitmentRemove(c.id));
  return { text, keyboard: kb };
}

export async function interviewLoop(conversation: Conv, ctx: ConvContext, handoverId: number, next: () => Promise<InputAnswer>): Promise<void> {
  const info = await conversation.external((c) => {
    const access = handoverAccess(c.deps.db, c.actor, handoverId);
    if (!access.ok) return { ok: false as const, key: accessRefusalKey(access.reason) };
    if (access.handover.status !== "active") return { ok: false as const, key: "checklist-refused-not_active" };
    const clients = handoverClients(c.deps.db, access.handover);
    const step = stepsOf(c.deps.db, handoverId).find((s) => s.kind === "interview");
    const leaver = leaverReachable(c.deps.db, access.handover.leaverId);
    return { ok: true as const, memberId: access.memberId, clientCount: clients.length, leaverName: leaver.name, timezone: c.actor.team!.timezone, stepId: step?.status === "open" ? step.id : null };
  });
  if (!info.ok) {
    await ctx.reply(ctx.t(info.key));
    return;
  }
  if (info.clientCount === 0) {
    await ctx.reply(ctx.t("checklist-interview-no-clients", { leaver: info.leaverName }));
    return;
  }
  const locale = (ctx.actor?.locale ?? "ru") as Locale;
  const endKb = new InlineKeyboard().text(ctx.t("checklist-button-interview-end"), chk.answer.end());
  await ctx.reply(ctx.t("checklist-interview-intro", { leaver: info.leaverName, count: info.clientCount }) + (ctx.chat?.type !== "private" ? `\n\n${ctx.t("offboard-group-reply-hint")}` : ""), {
    reply_markup: endKb,
  });

  let saved = 0;
  let pending: InputAnswer | null = null;
  let last = ctx;
  for (;;) {
    const a: InputAnswer = pending ?? (await next());
    pending = null;
    last = a.ctx;
    if (a.kind === "button") {
      if (a.tap?.kind === "end") break;
      await a.ctx.reply(ctx.t("checklist-interview-type-or-end"), { reply_markup: endKb });
      continue;
    }
    const nowMs = await conversation.external((c) => c.deps.clock.now().getTime());
    const line = parseInterviewLine(a.text, { now: new Date(nowMs), timezone: info.timezone });
    if (!line) {
      await a.ctx.reply(ctx.t("checklist-interview-format"), { reply_markup: endKb });
      continue;
    }
    const query = line.clientQuery;
    const found = await conversation.external((c) => {
      const handover = getHandover(c.deps.db, handoverId);
      if (!handover) return { total: 0, options: [] as { id: number; name: string; company: string | null; phone: string | null; temperature: string }[] };
      const matches = matchClients(handoverClients(c.deps.db, handover), query);
      return {
        total: matches.length,
        options: matches.slice(0, MAX_CHOICES).map((m) => ({ id: m.id, name: m.name, company: m.company, phone: phoneTail(m.primaryPhone), temperature: m.temperature })),
      };
    });
    if (found.total === 0) {
      await a.ctx.reply(ctx.t("checklist-interview-unknown", { name: quoteBack(query), leaver: info.leaverName }), { reply_markup: endKb });
      continue;
    }
    if (found.total > MAX_CHOICES) {
      await a.ctx.reply(ctx.t("checklist-interview-too-many", { name: quoteBack(query), count: found.total }), { reply_markup: endKb });
      continue;
    }
    let clientId: number | null = found.options.length === 1 ? found.options[0]!.id : null;
    if (clientId === null) {
      const kb = new InlineKeyboard();
      const labels = distinctLabels(
        found.options.map((o) => (o.company ? `${o.name} (${o.company})` : o.name)),
        (i) => [found.options[i]!.phone, ctx.t("client-temperature", { temperature: found.options[i]!.temperature })],
      );
      found.options.forEach((o, i) => kb.text(labels[i]!, chk.answer.pick(o.id)).row());
      kb.text(ctx.t("checklist-interview-none-of-them"), chk.answer.pick(0));
      await a.ctx.reply(ctx.t("checklist-interview-which", { name: quoteBack(query) }), { reply_markup: kb });
      for (;;) {
        const b = await next();
        last = b.ctx;
        if (b.kind === "text") {
          // A new line instead of a choice: the ambiguous one is dropped, the new one is handled.
          await b.ctx.reply(ctx.t("checklist-interview-dropped", { name: quoteBack(query) }));
          pending = b;
          break;
        }
        if (b.tap?.kind === "end") {
          pending = b;
          break;
        }
        const id = b.tap?.kind === "pick" ? b.tap.clientId : NaN;
        if (id === 0) {
          await b.ctx.reply(ctx.t("checklist-interview-not-saved"), { reply_markup: endKb });
          break;
        }
        if (found.options.some((o) => o.id === id)) {
          clientId = id;
          break;
        }
        await b.ctx.reply(ctx.t("offboard-choose-button"), { reply_markup: kb });
      }
      if (clientId === null) continue;
    }
    const chosenId = clientId;
    const result = await conversation.external((c) =>
      recordHandoverCommitment(c.deps.db, { handoverId, clientId: chosenId, kind: line.kind, text: line.text, dueOn: line.dueOn, actorId: info.memberId, source: "lead", now: c.deps.clock.now() }),
    );
    if (!result.ok) {
      await last.reply(ctx.t(result.reason === "not_active" ? "checklist-refused-not_active" : "checklist-interview-format"));
      if (result.reason === "not_active") return;
      continue;
    }
    saved += 1;
    const name = found.options.find((o) => o.id === chosenId)!.name;
    const today = localDate(new Date(nowMs), info.timezone);
    const msg = savedCommitmentMessage(ctx.t, { id: result.commitmentId, clientName: name, kind: line.kind, text: line.text, dueOn: line.dueOn }, locale, today);
    await last.reply(msg.text, { reply_markup: msg.keyboard });
  }

  // The lead finished typing: the interview step closes itself.
  const closed = await conversation.external(async (c) => {
    const now = c.deps.clock.now();
    const done = c.deps.db.transaction((tx) => completeInterviewStep(tx, { handoverId, actorId: info.memberId, now }));
    await refreshChecklistMessage(c.api, c.deps.db, handoverId, { now, log: c.log });
    return done;
  });
  await last.reply(ctx.t("checklist-interview-finished", { count: saved }) + (closed ? `\n${ctx.t("checklist-interview-step-closed")}` : ""));
}
