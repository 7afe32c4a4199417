// Callback data and keyboards of the distribution table. Short, typed, never trusted: every decoded id is
// checked against the database by the handler (right team, a lead, the distribution still in that state).
import { InlineKeyboard } from "grammy";
import type { ProposalView } from "./types.js";
import type { Translate } from "../platform/locale.js";
import { clip } from "../platform/format/clip.js";

/** Buttons inside the Adjust dialogue (see distribution/adjust-dialogue.ts). */
export const DIST_DIALOG_PREFIX = "dist:c:";

export type DistTap =
  | { kind: "handover"; handoverId: number }
  | { kind: "start" }
  | { kind: "apply"; id: number }
  | { kind: "adjust"; id: number }
  | { kind: "mine"; id: number }
  | { kind: "cancel"; id: number }
  | { kind: "undo"; id: number }
  | { kind: "table"; id: number }
  | { kind: "excludeMenu"; id: number }
  | { kind: "exclude"; id: number; memberId: number }
  | { kind: "moveMany"; id: number }
  | { kind: "moveOne"; id: number };

type WithId = Exclude<DistTap, { kind: "handover" } | { kind: "start" } | { kind: "exclude" }>["kind"];
const codes: Record<WithId, string> = {
  apply: "a",
  adjust: "j",
  mine: "m",
  cancel: "x",
  undo: "u",
  table: "t",
  excludeMenu: "e",
  moveMany: "n",
  moveOne: "o",
};
const kindByCode = Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k])) as Record<string, WithId>;

export const distData = {
  /** The offboard checklist's "redistribute" button. */
  handover: (handoverId: number) => `dist:h:${handoverId}`,
  /** The nags' "distribute now" button and /distribute. */
  start: () => "dist:start",
  of: (kind: WithId, id: number) => `dist:${codes[kind]}:${id}`,
  exclude: (id: number, memberId: number) => `dist:e:${id}:${memberId}`,
};

const ID = /^[1-9]\d{0,14}$/;
const num = (s: string | undefined) => (s !== undefined && ID.test(s) ? Number(s) : null);

export function decodeDistData(data: string): DistTap | null {
  if (data === "dist:start") return { kind: "start" };
  const [prefix, code, a, b, ...rest] = data.split(":");
  if (prefix !== "dist" || code === undefined || rest.length > 0) return null;
  const first = num(a);
  if (first === null) return null;
  if (code === "h") return b === undefined ? { kind: "handover", handoverId: first } : null;
  if (code === "e" && b !== undefined) {
    const memberId = num(b);
    return memberId === null ? null : { kind: "exclude", id: first, memberId };
  }
  const kind = kindByCode[code];
  if (!kind || b !== undefined) return null;
  return { kind, id: first } as DistTap;
}

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

export const dialogData = {
  from: (memberId: number) => `${DIST_DIALOG_PREFIX}f:${memberId}`,
  to: (memberId: number) => `${DIST_DIALOG_PREFIX}t:${memberId}`,
  client: (clientId: number) => `${DIST_DIALOG_PREFIX}k:${clientId}`,
  quit: () => `${DIST_DIALOG_PREFIX}q`,
};

/** Decodes the part after the dialogue prefix ("f:12", "q"). */
export function decodeDialogData(data: string): { kind: "from" | "to" | "client"; id: number } | { kind: "quit" } | null {
  if (data === "q") return { kind: "quit" };
  const [code, a, ...rest] = data.split(":");
  const id = num(a);
  if (id === null || rest.length > 0) return null;
  if (code === "f") return { kind: "from", id };
  if (code === "t") return { kind: "to", id };
  if (code === "k") return { kind: "client", id };
  return null;
}

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
