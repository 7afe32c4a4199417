// Callback data of the checklist message and its small dialogues, under `chk:`; ids only, never trusted:
// every handler checks them against the database.
//
// Buttons that open a typed-input dialogue (skip reason, due date, interview, template wording) all lie
// under `chk:in`: an input dialogue already open for the same person takes such a tap over and switches
// to the new task, so two dialogues never compete for the same typed answer. Its answers are `chk:in:a:…`.
import type { ConvContext } from "../bot/context.js";
import { ASAP_OFFSET, MAX_OFFSET } from "./checklist-template.js";
import { callbackData, callbackSet, codes, id, int, isoDay, oneOf, type TapOf } from "../bot/callback-data.js";

type CommitmentKindName = "promise" | "document" | "deadline";
const commitmentKind = codes<CommitmentKindName>([
  ["promise", "p"],
  ["document", "d"],
  ["deadline", "l"],
]);

/** Taps on the checklist message (checklist-telegram.ts). */
export const checklistButtons = {
  open: callbackData("chk:open", { handoverId: id() }),
  step: callbackData("chk:s", { handoverId: id(), stepId: id() }),
  done: callbackData("chk:d", { handoverId: id(), stepId: id() }),
  /** The run of manual steps at positions from..to, confirmed in one tap. */
  runDone: callbackData("chk:dd", { handoverId: id(), from: int({ max: 9999 }), to: int({ max: 9999 }) }),
  responsible: callbackData("chk:r", { handoverId: id(), stepId: id() }),
  setResponsible: callbackData("chk:rm", { handoverId: id(), stepId: id(), memberId: id() }),
  back: callbackData("chk:b", { handoverId: id() }),
  refresh: callbackData("chk:ref", { handoverId: id() }),
  history: callbackData("chk:hist", { handoverId: id(), page: int({ max: 9999 }) }),
  cancel: callbackData("chk:x", { handoverId: id() }),
  cancelYes: callbackData("chk:xy", { handoverId: id() }),
  form: callbackData("chk:form", { handoverId: id() }),
};

/** Correcting a commitment the interview recorded: another kind, or remove it. */
export const commitmentButtons = callbackSet({
  change: callbackData("chk:ck", { commitmentId: id(), to: commitmentKind }),
  remove: callbackData("chk:cd", { commitmentId: id() }),
});

/** The input dialogue's buttons: the entries (each a task) and the answers inside it. */
export const checklistInputButtons = callbackSet(
  {
    skip: callbackData("chk:in:k", { handoverId: id(), stepId: id() }),
    due: callbackData("chk:in:due", { handoverId: id(), stepId: id() }),
    interview: callbackData("chk:in:iv", { handoverId: id() }),
    "template-add": callbackData("chk:in:ta"),
    "template-rename": callbackData("chk:in:tr", { stepId: id() }),
    "template-offset": callbackData("chk:in:to", { stepId: id() }),
    // Answers.
    cancel: callbackData("chk:in:a:x"),
    end: callbackData("chk:in:a:end"),
    /** The interview's "which client?": a client id, or 0 for "none of them". */
    pick: callbackData("chk:in:a:pick", { clientId: int() }),
    reason: callbackData("chk:in:a:r", { reason: oneOf(["na", "out"]) }),
    day: callbackData("chk:in:a:d", { day: isoDay() }),
    offset: callbackData("chk:in:a:o", { days: int({ min: ASAP_OFFSET, max: MAX_OFFSET }) }),
    defaultWording: callbackData("chk:in:a:def"),
  },
  "chk:in",
);

/** Answers inside an input dialogue lie under this scope (a group shows whose dialogue they are). */
export const CHECKLIST_ANSWERS = "chk:in:a";

export type InputTask =
  | { kind: "skip"; handoverId: number; stepId: number }
  | { kind: "due"; handoverId: number; stepId: number }
  | { kind: "interview"; handoverId: number }
  | { kind: "template-add" }
  | { kind: "template-rename"; stepId: number }
  | { kind: "template-offset"; stepId: number };

type InputTap = TapOf<typeof checklistInputButtons>;
export type InputAnswerTap = Exclude<InputTap, InputTask>;

/** An answer inside an input dialogue: a tap on one of its answers (`tap` null: not one it wrote), or typed text. */
export type InputAnswer = { kind: "button"; tap: InputAnswerTap | null; ctx: ConvContext } | { kind: "text"; text: string; ctx: ConvContext };

const TASKS: ReadonlySet<string> = new Set(["skip", "due", "interview", "template-add", "template-rename", "template-offset"]);

/** An entry button's task; null for answers. */
export function inputTaskOf(tap: InputTap): InputTask | null {
  return TASKS.has(tap.kind) ? (tap as InputTask) : null;
}

const c = checklistButtons;
const input = checklistInputButtons.codecs;

export const chk = {
  open: (handoverId: number) => c.open.encode({ handoverId }),
  step: (handoverId: number, stepId: number) => c.step.encode({ handoverId, stepId }),
  done: (handoverId: number, stepId: number) => c.done.encode({ handoverId, stepId }),
  runDone: (handoverId: number, from: number, to: number) => c.runDone.encode({ handoverId, from, to }),
  responsible: (handoverId: number, stepId: number) => c.responsible.encode({ handoverId, stepId }),
  setResponsible: (handoverId: number, stepId: number, memberId: number) => c.setResponsible.encode({ handoverId, stepId, memberId }),
  back: (handoverId: number) => c.back.encode({ handoverId }),
  history: (handoverId: number, page: number) => c.history.encode({ handoverId, page }),
  cancel: (handoverId: number) => c.cancel.encode({ handoverId }),
  cancelYes: (handoverId: number) => c.cancelYes.encode({ handoverId }),
  refresh: (handoverId: number) => c.refresh.encode({ handoverId }),
  form: (handoverId: number) => c.form.encode({ handoverId }),
  commitmentKind: (commitmentId: number, to: CommitmentKindName) => commitmentButtons.codecs.change.encode({ commitmentId, to }),
  commitmentRemove: (commitmentId: number) => commitmentButtons.codecs.remove.encode({ commitmentId }),
  // Entries of the input dialogue.
  skip: (handoverId: number, stepId: number) => input.skip.encode({ handoverId, stepId }),
  due: (handoverId: number, stepId: number) => input.due.encode({ handoverId, stepId }),
  interview: (handoverId: number) => input.interview.encode({ handoverId }),
  templateAdd: () => input["template-add"].encode(),
  templateRename: (stepId: number) => input["template-rename"].encode({ stepId }),
  templateOffset: (stepId: number) => input["template-offset"].encode({ stepId }),
  // Answers inside it.
  answer: {
    cancel: () => input.cancel.encode(),
    end: () => input.end.encode(),
    pick: (clientId: number) => input.pick.encode({ clientId }),
    reason: (reason: "na" | "out") => input.reason.encode({ reason }),
    day: (day: string) => input.day.encode({ day }),
    offset: (days: number) => input.offset.encode({ days }),
    defaultWording: () => input.defaultWording.encode(),
  },
};
