// The call card: who to call, how to reach them, what is owed to them, what happened before, and the
// words to say. Built from escaped parts; always under Telegram's 4096 characters.
import type { InlineKeyboard } from "grammy";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { localDate } from "../platform/calendar.js";
import { renderScript } from "./scripts.js";
import { ATTEMPTS_BEFORE_LEAD_ALERT, type CallRef } from "./calls.js";
import type { CallCard, CallCardData } from "./card-data.js";
import { escapeHtml } from "../platform/html.js";
import type { Locale, Translate } from "../platform/locale.js";
import { cardKeyboard } from "./keyboards.js";
import { renderTouchScript } from "../stars/scripts.js";
import { formatDay } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";

export const MESSAGE_LIMIT = 4096;
const COMMITMENTS_ON_CARD = 5;

/**
 * Russian numbers of the 3xx, 4xx and 9xx ranges (mobiles and most landlines, nearly every number our teams
 * call): libphonenumber finds each valid and writes it "+7 916 123 45 67". Cut here, they skip its parse and
 * metadata walk, about a tenth of a card's time; a test holds this to libphonenumber for every such range.
 */
const RU_COMMON = /^\+7([349]\d\d)(\d{3})(\d\d)(\d\d)$/;

/** "+7 916 123 45 67": easier to read aloud, still a number Telegram makes tappable. */
export function readablePhone(phone: string): string {
  const ru = RU_COMMON.exec(phone);
  if (ru) return `+7 ${ru[1]} ${ru[2]} ${ru[3]} ${ru[4]}`;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.isValid() ? parsed.formatInternational() : phone;
}

export interface RenderedCard {
  text: string;
  keyboard: InlineKeyboard | undefined;
  /** The ref the buttons carry: the open call when there is one, else the client. */
  ref: CallRef;
  open: boolean;
}

/** The words to say: the team's template (card-data.ts chose it) with this card's names filled in. */
function scriptOf(card: CallCard): string | null {
  const { data, scriptTemplate: template } = card;
  if (template === null) return null;
  if (data.call?.kind === "second_voice") return renderTouchScript(template, { client: data.client.name, manager: data.assigneeName ?? "—", owner: data.ownerName ?? "—" });
  if (!data.handover) return null;
  return renderScript(template, { client: data.client.name, leaver: data.handover.leaverName, manager: data.assigneeName ?? data.ownerName ?? "—" });
}

/** A card for the viewer, from what card-data.ts loaded (loadCallCard). */
export function renderCallCard(t: Translate, locale: Locale, card: CallCard, mode: "main" | "reached" | "lost" = "main"): RenderedCard {
  const { data } = card;
  const script = scriptOf(card);
  const { call, client, today } = data;
  const day = (d: string) => formatDay(d, locale, today);
  const open = call === null || call.status === "open";
  const head: string[] = [t("call-card-title", { client: clip(client.name, 200), temperature: client.temperature })];
  if (client.company) head.push(t("call-card-company", { company: clip(client.company, 200) }));
  // Plain numbers: Telegram makes them tappable on phones by itself.
  head.push(client.phones.length > 0 ? t("call-card-phones", { phones: client.phones.slice(0, 5).map(readablePhone).join(", ") }) : t("call-card-no-phone"));
  if (client.email) head.push(t("call-card-email", { email: clip(client.email, 200) }));
  if (data.previousOwnerName) head.push(t("call-card-previous-owner", { name: data.previousOwnerName }));
  if (data.handover && data.handover.leaverName !== data.previousOwnerName) head.push(t("call-card-previous-owner", { name: data.handover.leaverName }));
  if (client.lastContactOn) head.push(t("call-card-last-contact", { date: day(client.lastContactOn) }));
  if (client.nextContactOn && open) head.push(t("call-card-next-contact", { date: day(client.nextContactOn) }));

  const status: string[] = [];
  if (call && call.status === "open") {
    status.push(t("call-card-kind", { kind: call.kind, overdue: call.dueOn < today ? "yes" : "no", date: day(call.dueOn), time: call.dueTime ?? "none" }));
    if (data.assigneeName && !data.viewerIsAssignee) status.push(t("call-card-assignee", { name: data.assigneeName }));
    if (call.promisedOn) status.push(t("call-card-promised", { date: day(call.promisedOn), time: call.promisedTime ?? "none" }));
    if (call.attempts > 0) {
      const next = call.attempts + 1;
      status.push(t("call-card-attempts", { count: call.attempts, next: next > ATTEMPTS_BEFORE_LEAD_ALERT ? "over" : String(next), max: ATTEMPTS_BEFORE_LEAD_ALERT, date: day(call.dueOn) }));
    }
  } else if (!call) {
    status.push(t("call-card-no-call"));
  }
  if (open && !data.canRecord) status.push(t("call-card-view-only", { name: data.assigneeName ?? data.ownerName ?? "—" }));

  const owed: string[] = [];
  if (data.commitments.length > 0) {
    owed.push(t("call-card-commitments"));
    for (const c of data.commitments.slice(0, COMMITMENTS_ON_CARD)) {
      const dueHtml = c.dueOn ? t(c.dueOn < today ? "call-card-commitment-overdue" : "call-card-commitment-due", { date: day(c.dueOn) }) : "";
      owed.push(t("call-card-commitment", { dueHtml, text: clip(c.text, 200) }));
    }
    if (data.commitments.length > COMMITMENTS_ON_CARD) owed.push(t("call-card-more-commitments", { count: data.commitments.length - COMMITMENTS_ON_CARD }));
  }

  const history: string[] = [];
  if (data.history.length > 0) {
    history.push(t("call-card-history"));
    for (const e of data.history) {
      const when = localDate(new Date(e.at), data.timezone);
      history.push(t("call-card-history-line", { date: day(when), whatHtml: eventText(t, locale, e, today) }));
    }
  }

  const outcome = call && call.status !== "open" ? outcomeText(t, locale, data) : null;
  const tail = outcome ?? (open && data.canRecord ? scriptBlock(t, data, script) : "");
  // Too long for one message: history goes first, then the commitments beyond two, then the script is cut.
  const compose = (h: string[], o: string[], last: string) => [head.join("\n"), status.join("\n"), o.join("\n"), h.join("\n"), last].filter(Boolean).join("\n\n");
  let text = compose(history, owed, tail);
  if (text.length > MESSAGE_LIMIT) text = compose([], owed, tail);
  if (text.length > MESSAGE_LIMIT) text = compose([], owed.slice(0, 3), tail);
  for (let cut = script?.length ?? 0; text.length > MESSAGE_LIMIT && script && !outcome && cut > 0; cut -= 250) {
    text = compose([], owed.slice(0, 3), scriptBlock(t, data, clip(script, Math.max(1, cut))));
  }

  const ref = data.ref;
  const byLetter = call?.kind === "second_voice" && call.touchKind === "lead";
  const keyboard = open && data.canRecord ? cardKeyboard(t, ref, mode, { byLetter, ...(call ? { attempts: call.attempts } : {}) }) : undefined;
  return { text, keyboard, ref, open };
}

function scriptBlock(t: Translate, data: CallCardData, script: string | null): string {
  if (script && data.call?.kind === "second_voice") {
    const head = t("call-card-touch", { kind: data.call.touchKind ?? "colleague", owner: data.ownerName ?? "—" });
    return head + "\n" + t("call-card-touch-script") + "\n<blockquote expandable>" + escapeHtml(script) + "</blockquote>";
  }
  if (script && data.handover) {
    return t("call-card-script", { terms: data.handover.terms }) + "\n<blockquote expandable>" + escapeHtml(script) + "</blockquote>";
  }
  return t("call-card-ordinary-hint");
}

function outcomeText(t: Translate, locale: Locale, data: CallCardData): string {
  const call = data.call!;
  const date = call.resolvedAt ? formatDay(localDate(new Date(call.resolvedAt), data.timezone), locale, data.today) : "";
  const by = data.resolvedByName ?? "none";
  if (call.status === "reached") {
    const next = call.nextContactOn ? formatDay(call.nextContactOn, locale, data.today) : "—";
    // The caller's later date gave way to the owner's nearer one (calls/next-contact.ts): say whose it is.
    const asked = data.history.find((e) => e.kind === "call_reached" && e.details?.callId === call.id)?.details?.asked;
    const kept = typeof asked === "string" ? { kept: "yes", asked: formatDay(asked, locale, data.today), owner: data.ownerName ?? "—" } : { kept: "no", asked: "", owner: "" };
    return t("call-outcome-reached", { date, by, next, ...kept });
  }
  if (call.status === "lost") return t("call-outcome-lost", { date, by, reason: call.lostReason ?? "other" });
  return t("call-outcome-cancelled", { kind: call.kind });
}

/** One line of a client's history: what happened, between whom, by whom (the call card and the client card). */
export function eventText(t: Translate, locale: Locale, e: CallCardData["history"][number], today: string): string {
  const d = e.details ?? {};
  const date = [d.nextContactOn, d.dueOn, d.movedTo].find((v): v is string => typeof v === "string") ?? null;
  const ownerChanged = "fromOwnerId" in d || "toOwnerId" in d;
  return t("call-event", {
    kind: e.kind,
    date: date ? formatDay(date, locale, today) + (typeof d.dueTime === "string" ? ` ${d.dueTime}` : "") : "none",
    attempts: typeof d.attempts === "number" ? d.attempts : 0,
    max: ATTEMPTS_BEFORE_LEAD_ALERT,
    reason: typeof d.reason === "string" ? d.reason : "other",
    note: typeof d.note === "string" ? clip(d.note, 150) : "",
    // An owner change names both sides; "none" is the shared pool.
    from: e.fromName ?? "none",
    to: e.toName ?? "none",
    ownerChanged: ownerChanged ? "yes" : "no",
    undo: d.undo === true ? "yes" : "no",
    commitment: typeof d.kind === "string" ? d.kind : "other",
    actor: e.actorName ?? "none",
  });
}
