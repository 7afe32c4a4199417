// What is at stake when someone leaves, in words: the last step of /offboard before the lead confirms.
// Pure: the figures (handovers.ts atStake) and a translate function in, text out.
import type { StarLine } from "../stars/star-index.js";
import { renderLeaverStarLine } from "../stars/views.js";
import type { Terms } from "../db/schema.js";
import { formatDay, formatDayWithWeekday } from "../platform/format/day.js";
import { clip } from "../platform/format/clip.js";
import type { AtStake, LeaverNotes } from "./handovers.js";
import type { Locale, Translate } from "../platform/locale.js";

export function atStakeText(
  t: Translate,
  v: { name: string; notes: LeaverNotes; terms: Terms; lastDay: string; stake: AtStake; locale: Locale; today: string; star: StarLine | null },
): string {
  const { stake } = v;
  const lines = [t("offboard-stake-title", { name: v.name }), t("offboard-stake-terms", { terms: v.terms, date: formatDayWithWeekday(v.lastDay, v.locale, v.today) }), ""];
  if (stake.clients.total === 0) lines.push(t("offboard-stake-no-clients", { name: v.name }));
  else {
    lines.push(t("offboard-stake-clients", { total: stake.clients.total, hot: stake.clients.hot, warm: stake.clients.warm, cold: stake.clients.cold }));
    if (v.star) lines.push(renderLeaverStarLine(t, v.star));
    lines.push(
      stake.commitments.open === 0
        ? t("offboard-stake-no-commitments")
        : t("offboard-stake-commitments", { open: stake.commitments.open, documents: stake.commitments.documents, promises: stake.commitments.promises, deadlines: stake.commitments.deadlines }),
    );
    if (stake.soonTotal > 0) {
      lines.push(t("offboard-stake-soon", { count: stake.soonTotal }));
      for (const s of stake.soon) lines.push(t("offboard-stake-soon-line", { date: formatDay(s.dueOn, v.locale, v.today), client: s.client, text: clip(s.text, 120), kind: s.kind }));
      if (stake.soonTotal > stake.soon.length) lines.push(t("offboard-stake-more", { count: stake.soonTotal - stake.soon.length }));
    }
    lines.push(t("offboard-stake-next-contacts", { count: stake.nextContacts.dueSoon }));
    if (stake.commitments.overdue > 0) lines.push(t("offboard-stake-overdue-commitments", { count: stake.commitments.overdue }));
    if (stake.nextContacts.overdue > 0) lines.push(t("offboard-stake-overdue-contacts", { count: stake.nextContacts.overdue }));
  }
  const notes: string[] = [];
  if (v.notes.isSelf) notes.push(t("offboard-note-self"));
  else if (v.notes.isLead) notes.push(t("offboard-note-lead", { name: v.name }));
  if (v.notes.noOtherManagers && stake.clients.total > 0) notes.push(t("offboard-note-only-manager", { name: v.name }));
  if (stake.clients.total === 0) notes.push(t("offboard-note-no-clients"));
  if (notes.length > 0) lines.push("", ...notes);
  lines.push("", t("offboard-stake-confirm", { name: v.name }));
  return lines.join("\n");
}
