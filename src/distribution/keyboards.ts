// Callback data and keyboards of the distribution table. Short, typed, never trusted: every decoded id is
// checked against the database by the handler (right team, a lead, the distribution still in that state).
import { InlineKeyboard } from "grammy";
import { callbackData, callbackSet, id, type TapOf } from "../bot/callback-data.js";
import type { ProposalView } from "./types.js";
import type { Translate } from "../platform/locale.js";
import { clip } from "../platform/format/clip.js";

const ofDistribution = { id: id() };

/** Taps on the distribution table and its menus. */
export const distButtons = callbackSet({
  /** The offboard checklist's "redistribute" button. */
  handover: callbackData("dist:h", { handoverId: id() }),
  /** The nags' "distribute now" button and /distribute. */
  start: callbackData("dist:start"),
  apply: callbackData("dist:a", ofDistribution),
  adjust: callbackData("dist:j", ofDistribution),
  mine: callbackData("dist:m", ofDistribution),
  cancel: callbackData("dist:x", ofDistribution),
  undo: callbackData("dist:u", ofDistribution),
  table: callbackData("dist:t", ofDistribution),
  excludeMenu: callbackData("dist:e", ofDistribution),
  exclude: callbackData("dist:e", { id: id(), memberId: id() }),
  moveMany: callbackData("dist:n", ofDistribution),
  moveOne: callbackData("dist:o", ofDistribution),
});

export type DistTap = TapOf<typeof distButtons>;
type WithId = Exclude<DistTap, { kind: "handover" } | { kind: "start" } | { kind: "exclude" }>["kind"];

export const distData = {
  handover: (handoverId: number) => distButtons.codecs.handover.encode({ handoverId }),
  start: () => distButtons.codecs.start.encode(),
  of: (kind: WithId, id: number) => distButtons.codecs[kind].encode({ id }),
  exclude: (id: number, memberId: number) => distButtons.codecs.exclude.encode({ id, memberId }),
};

export function tableKeyboard(t: Translate, view: ProposalView): InlineKeyboard {
  const kb = new InlineKeyboard();
  const id = view.distributionId;
  if (view.assigned > 0) {
    kb.text(t("dist-btn-apply"), distData.of("apply", id)).text(t("dist-btn-adjust"), distData.of("adjust", id)).row();
  }
  return kb.text(t("dist-btn-mine"), distData.of("mine", id)).text(t("dist-btn-cancel"), distData.of("cancel", id));
}

export function adjustKeyboard(t: Translate, id: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("dist-btn-move-many"), distData.of("moveMany", id))
    .text(t("dist-btn-move-one"), distData.of("moveOne", id))
    .row()
    .text(t("dist-btn-exclude"), distData.of("excludeMenu", id))
    .row()
    .text(t("dist-btn-back"), distData.of("table", id));
}

/** Telegram allows 100 buttons per message; a team with more managers is cut with a note in the text. */
export const MAX_MANAGER_BUTTONS = 90;

export function excludeKeyboard(t: Translate, id: number, managers: { memberId: number; name: string }[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  managers.slice(0, MAX_MANAGER_BUTTONS).forEach((m, i) => {
    kb.text(clip(m.name, 40), distData.exclude(id, m.memberId));
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("dist-btn-back"), distData.of("table", id));
}

export function appliedKeyboard(t: Translate, id: number): InlineKeyboard {
  return new InlineKeyboard().text(t("dist-btn-undo"), distData.of("undo", id));
}

// --- inside the Adjust dialogue ---------------------------------------------------------------------

/** Buttons inside the Adjust dialogue (see distribution/adjust-dialogue.ts). */
export const adjustDialogueButtons = callbackSet(
  {
    from: callbackData("dist:c:f", { id: id() }),
    to: callbackData("dist:c:t", { id: id() }),
    client: callbackData("dist:c:k", { id: id() }),
    quit: callbackData("dist:c:q"),
  },
  "dist:c",
);

export const dialogData = {
  from: (memberId: number) => adjustDialogueButtons.codecs.from.encode({ id: memberId }),
  to: (memberId: number) => adjustDialogueButtons.codecs.to.encode({ id: memberId }),
  client: (clientId: number) => adjustDialogueButtons.codecs.client.encode({ id: clientId }),
  quit: () => adjustDialogueButtons.codecs.quit.encode(),
};

export function pickKeyboard(
  t: Translate,
  options: { label: string; data: string }[],
): InlineKeyboard {
  const kb = new InlineKeyboard();
  options.slice(0, MAX_MANAGER_BUTTONS).forEach((o, i) => {
    kb.text(clip(o.label, 40), o.data);
    if (i % 2 === 1) kb.row();
  });
  return kb.row().text(t("dist-btn-dialog-quit"), dialogData.quit());
}
