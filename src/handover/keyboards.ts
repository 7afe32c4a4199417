// Callback data of /offboard: the start dialogue (`off:c:`), the carry-over from a group (`off:go`), the
// template editor (`off:tpl`) and the leaver's form (`off:lf:`). Ids only, never trusted.
import { callbackData, callbackSet, codes, id, isoDay, oneOf, optional } from "../bot/callback-data.js";

/** The /offboard dialogue's buttons: the open dialogue takes them (offboard-dialogue.ts). */
export const offboardDialogueButtons = callbackSet(
  {
    /** Starts a new handover; an open /offboard dialogue of the same lead restarts instead. */
    restart: callbackData("off:c:new"),
    who: callbackData("off:c:who", { memberId: id() }),
    terms: callbackData("off:c:terms", { terms: oneOf(["good", "bad"]) }),
    day: callbackData("off:c:day", { day: isoDay() }),
    pastYes: callbackData("off:c:past", { day: isoDay() }),
    pastNo: callbackData("off:c:pastno"),
    confirm: callbackData("off:c:go"),
    abort: callbackData("off:c:no"),
  },
  "off:c",
);

/** The leaver's form: its Start button (an open form restarts) and the answers inside it. */
export const leaverFormButtons = callbackSet(
  {
    start: callbackData("off:lf:go", { handoverId: id(), leadId: id() }),
    answer: callbackData("off:lf:a", { value: oneOf(["none", "skip", "end", "next", "nodate"]) }),
  },
  "off:lf",
);

/** Carries a leaver picked in the group over to the lead's private chat (`g`: post the checklist in the group). */
export const carryOver = callbackData("off:go", { leaverId: id(), fromGroup: optional(codes([[true, "g"]])) });

/** The template editor: a message edited in place. */
export const templateButtons = {
  open: callbackData("off:tpl"),
  /** Back to the template menu, editing the message in place. */
  menu: callbackData("off:tpl:m"),
  step: callbackData("off:tpl:s", { stepId: id() }),
  remove: callbackData("off:tpl:rm", { stepId: id() }),
  reset: callbackData("off:tpl:reset"),
  close: callbackData("off:tpl:close"),
};

/** Template changes: a step action carries its step id; "reset" carries none. */
export const templateEdits = callbackSet({
  up: callbackData("off:tpl:up", { stepId: id() }),
  down: callbackData("off:tpl:dn", { stepId: id() }),
  removeYes: callbackData("off:tpl:rmy", { stepId: id() }),
  defaultWording: callbackData("off:tpl:def", { stepId: id() }),
  resetYes: callbackData("off:tpl:resety"),
});

export const off = {
  newHandover: () => offboardDialogueButtons.codecs.restart.encode(),
  who: (memberId: number) => offboardDialogueButtons.codecs.who.encode({ memberId }),
  terms: (terms: "good" | "bad") => offboardDialogueButtons.codecs.terms.encode({ terms }),
  day: (day: string) => offboardDialogueButtons.codecs.day.encode({ day }),
  pastYes: (day: string) => offboardDialogueButtons.codecs.pastYes.encode({ day }),
  pastNo: () => offboardDialogueButtons.codecs.pastNo.encode(),
  confirm: () => offboardDialogueButtons.codecs.confirm.encode(),
  abort: () => offboardDialogueButtons.codecs.abort.encode(),

  go: (leaverId: number, fromGroup: boolean) => carryOver.encode({ leaverId, fromGroup: fromGroup || undefined }),

  template: () => templateButtons.open.encode(),
  templateMenu: () => templateButtons.menu.encode(),
  templateStep: (stepId: number) => templateButtons.step.encode({ stepId }),
  templateUp: (stepId: number) => templateEdits.codecs.up.encode({ stepId }),
  templateDown: (stepId: number) => templateEdits.codecs.down.encode({ stepId }),
  templateRemove: (stepId: number) => templateButtons.remove.encode({ stepId }),
  templateRemoveYes: (stepId: number) => templateEdits.codecs.removeYes.encode({ stepId }),
  templateDefaultWording: (stepId: number) => templateEdits.codecs.defaultWording.encode({ stepId }),
  templateReset: () => templateButtons.reset.encode(),
  templateResetYes: () => templateEdits.codecs.resetYes.encode(),
  templateClose: () => templateButtons.close.encode(),

  /** In the leaver's private chat: opens the form (an open form restarts). */
  formStart: (handoverId: number, leadId: number) => leaverFormButtons.codecs.start.encode({ handoverId, leadId }),
  formAnswer: (value: "none" | "skip" | "end" | "next" | "nodate") => leaverFormButtons.codecs.answer.encode({ value }),
};
