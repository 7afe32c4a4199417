// Callback data of the checklist message and its small dialogues. Short, versionless prefixes under the
// reserved `chk:`; ids only, never trusted: every handler checks them against the database.
//
// Buttons that open a typed-input dialogue (skip reason, due date, interview, template wording) all
// start with CHECKLIST_INPUT_PREFIX: an input dialogue already open for the same person takes such a tap
// over and switches to the new task, so two dialogues never compete for the same typed answer.
import type { ConvContext } from "../bot/context.js";

export const CHECKLIST_INPUT_PREFIX = "chk:in:";
/** Answers inside an input dialogue: `chk:in:a:<value>`. */
export const CHECKLIST_ANSWER = "a:";

export const chk = {
  open: (h: number) => `chk:open:${h}`,
  step: (h: number, s: number) => `chk:s:${h}:${s}`,
  done: (h: number, s: number) => `chk:d:${h}:${s}`,
  /** The run of manual steps at positions from..to, confirmed in one tap. */
  runDone: (h: number, from: number, to: number) => `chk:dd:${h}:${from}:${to}`,
  responsible: (h: number, s: number) => `chk:r:${h}:${s}`,
  setResponsible: (h: number, s: number, m: number) => `chk:rm:${h}:${s}:${m}`,
  back: (h: number) => `chk:b:${h}`,
  history: (h: number, page: number) => `chk:hist:${h}:${page}`,
  cancel: (h: number) => `chk:x:${h}`,
  cancelYes: (h: number) => `chk:xy:${h}`,
  refresh: (h: number) => `chk:ref:${h}`,
  form: (h: number) => `chk:form:${h}`,
  commitmentKind: (c: number, kind: "promise" | "document" | "deadline") => `chk:ck:${c}:${kind[0]}`,
  commitmentRemove: (c: number) => `chk:cd:${c}`,
  // Entries of the input dialogue.
  skip: (h: number, s: number) => `${CHECKLIST_INPUT_PREFIX}k:${h}:${s}`,
  due: (h: number, s: number) => `${CHECKLIST_INPUT_PREFIX}due:${h}:${s}`,
  interview: (h: number) => `${CHECKLIST_INPUT_PREFIX}iv:${h}`,
  templateAdd: () => `${CHECKLIST_INPUT_PREFIX}ta`,
  templateRename: (id: number) => `${CHECKLIST_INPUT_PREFIX}tr:${id}`,
  templateOffset: (id: number) => `${CHECKLIST_INPUT_PREFIX}to:${id}`,
  answer: (value: string) => `${CHECKLIST_INPUT_PREFIX}${CHECKLIST_ANSWER}${value}`,
};

export const kindByLetter = { p: "promise", d: "document", l: "deadline" } as const;

export type InputTask =
  | { kind: "skip"; handoverId: number; stepId: number }
  | { kind: "due"; handoverId: number; stepId: number }
  | { kind: "interview"; handoverId: number }
  | { kind: "template-add" }
  | { kind: "template-rename"; stepId: number }
  | { kind: "template-offset"; stepId: number };

/** Reads an entry button's data (without the prefix); null for answers and anything else. */
export function parseInputTask(data: string): InputTask | null {
  let m: RegExpExecArray | null;
  if ((m = /^k:(\d+):(\d+)$/.exec(data))) return { kind: "skip", handoverId: Number(m[1]), stepId: Number(m[2]) };
  if ((m = /^due:(\d+):(\d+)$/.exec(data))) return { kind: "due", handoverId: Number(m[1]), stepId: Number(m[2]) };
  if ((m = /^iv:(\d+)$/.exec(data))) return { kind: "interview", handoverId: Number(m[1]) };
  if (data === "ta") return { kind: "template-add" };
  if ((m = /^tr:(\d+)$/.exec(data))) return { kind: "template-rename", stepId: Number(m[1]) };
  if ((m = /^to:(\d+)$/.exec(data))) return { kind: "template-offset", stepId: Number(m[1]) };
  return null;
}

/** An answer inside an input dialogue: a tap on its buttons, or typed text. */
export type InputAnswer = { kind: "button"; data: string; ctx: ConvContext } | { kind: "text"; text: string; ctx: ConvContext };
