// How a client looks in a chat: the list line and the card. Shared by /clients, /client and the
// commitment dialogue. Everything user-supplied goes through ctx.t variables (escaped).
import { InlineKeyboard } from "grammy";
import type { Temperature } from "../db/schema.js";
import type { ClientCard, ClientListItem } from "./clients.js";
import type { Translate, Locale } from "../platform/locale.js";
import { cb, type ListState } from "./keyboards.js";
import { callData } from "../calls/keyboards.js";
import { eventText } from "../calls/card-view.js";
import { formatDay } from "../platform/format/day.js";
import { formatDateTime } from "../platform/format/date-time.js";
import { clip } from "../platform/format/clip.js";

export const TEMP_ICON: Record<Temperature, string> = { hot: "🔥", warm: "🌤", cold: "❄️" };
const MAX_NOTES = 600;
const MAX_COMMITMENTS = 10;

export function listButtonLabel(item: ClientListItem, showOwner: boolean): string {
  const parts = [TEMP_ICON[item.temperature], item.name];
  if (item.company && item.company !== item.name) parts.push(`· ${item.company}`);
  if (showOwner && item.ownerName) parts.push(`· ${item.ownerName}`);
  const label = parts.join(" ");
  return clip(label, 60);
}

export interface CardView {
  t: Translate;
  locale: Locale;
  timezone: string;
  today: string;
  isLead: boolean;
  /** A leaver reading their clients until the last day: no buttons that change anything. */
  readOnly?: boolean;
}

export function cardText(v: CardView, card: ClientCard): string {
  const { t, locale } = v;
  const c = card.client;
  const lines: string[] = [t("client-card-title", { name: c.name })];
  if (c.company) lines.push(t("client-card-company", { company: c.company }));
  lines.push(t("client-card-phones", { phones: c.phones.length ? c.phones.join(", ") : "—" }));
  if (c.email) lines.push(t("client-card-email", { email: c.email }));
  if (c.externalId) lines.push(t("client-card-external", { id: c.externalId }));
  lines.push(
    card.ownerName === null
      ? t("client-card-owner-none")
      : t("client-card-owner", { owner: card.ownerName }),
  );
  if (card.previousOwnerName) lines.push(t("client-card-previous-owner", { owner: card.previousOwnerName }));
  lines.push(t("client-card-temperature", { temperature: c.temperature, icon: TEMP_ICON[c.temperature] }));
  lines.push(
    t("client-card-next-contact", {
      date: c.nextContactOn ? formatDay(c.nextContactOn, locale, v.today) : "—",
      overdue: c.nextContactOn !== null && c.nextContactOn < v.today ? "yes" : "no",
    }),
  );
  if (c.lastContactOn) lines.push(t("client-card-last-contact", { date: formatDay(c.lastContactOn, locale, v.today) }));
  if (c.status === "lost") lines.push(t("client-card-lost"));
  if (c.notes) {
    lines.push(t("client-card-notes", { notes: clip(c.notes, MAX_NOTES) }));
  }
  const sections = [lines.join("\n")];

  if (card.commitments.length) {
    const items = card.commitments.slice(0, MAX_COMMITMENTS).map((m) =>
      t("client-card-commitment", {
        kind: m.kind,
        text: clip(m.text, 200),
        due: m.dueOn ? formatDay(m.dueOn, locale, v.today) : "",
        hasDue: m.dueOn ? "yes" : "no",
        overdue: m.dueOn !== null && m.dueOn < v.today ? "yes" : "no",
      }),
    );
    if (card.commitments.length > MAX_COMMITMENTS) items.push(t("client-card-more", { n: card.commitments.length - MAX_COMMITMENTS }));
    sections.push(t("client-card-commitments", { n: card.commitments.length, linesHtml: items.join("\n") }));
  } else {
    sections.push(t("client-card-no-commitments"));
  }

  if (card.events.length) {
    const items = card.events.map((e) =>
      t("client-card-event", {
        at: formatDateTime(e.at, v.timezone, locale, v.today),
        whatHtml: eventText(t, locale, e, v.today),
      }),
    );
    sections.push(t("client-card-history", { linesHtml: items.join("\n") }));
  }
  return sections.join("\n\n");
}

export function cardKeyboard(v: CardView, clientId: number, back: ListState | null): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (v.readOnly) return kb.text(v.t("client-button-back"), cb.list(back ?? { page: 0 }));
  kb.text(v.t("client-button-log-call"), callData.log(clientId))
    .text(v.t("client-button-add-commitment"), cb.addCommitment(clientId))
    .row();
  if (v.isLead) kb.text(v.t("client-button-change-owner"), cb.changeOwner(clientId)).text(v.t("client-button-delete"), cb.deleteAsk(clientId)).row();
  kb.text(v.t("client-button-back"), cb.list(back ?? { page: 0 }));
  return kb;
}
