// The team's checklist template: which steps a new handover gets, in which order, due when.
//
// Due dates are offsets in calendar days from the leaver's last working day. The special offset
// ASAP_OFFSET means "the day the handover starts" (stopping new leads and calls cannot wait for the last
// day). Whatever the offset, a due date is never earlier than the day the handover starts.
//
// Rules that keep the product's promise ("no client is left behind"):
//  - the steps the bot verifies itself (redistribute, reactivation, final_check) cannot be removed;
//  - final_check is always the last step;
//  - every kind except `custom` appears at most once (the bot finds verified steps by kind).
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { checklistTemplateSteps, type StepKind } from "../db/schema.js";
import { recordAudit } from "../db/audit.js";
import { addDays } from "../platform/calendar.js";

export const ASAP_OFFSET = -365;
export const MIN_OFFSET = -60;
export const MAX_OFFSET = 60;
export const MAX_TEMPLATE_STEPS = 20;
export const MAX_STEP_TITLE = 200;

export const VERIFIED_KINDS: readonly StepKind[] = ["redistribute", "reactivation", "final_check"];

export interface TemplateStep {
  /** Null while the team still uses the built-in template (nothing stored yet). */
  id: number | null;
  position: number;
  kind: StepKind;
  /** Null: the built-in wording for the kind, in the reader's language. */
  title: string | null;
  offsetDays: number;
}

/** The seven steps. Reactivation and the final check sit a week after the last day: the default
 * campaign is five working days. */
export const DEFAULT_TEMPLATE: readonly { kind: StepKind; offsetDays: number }[] = [
  { kind: "stop_routing", offsetDays: ASAP_OFFSET },
  { kind: "revoke_access", offsetDays: 0 },
  { kind: "interview", offsetDays: -1 },
  { kind: "redistribute", offsetDays: 0 },
  { kind: "reactivation", offsetDays: 7 },
  { kind: "crm_update", offsetDays: 1 },
  { kind: "final_check", offsetDays: 7 },
];

export function isVerifiedKind(kind: StepKind): boolean {
  return VERIFIED_KINDS.includes(kind);
}

export function isRemovableKind(kind: StepKind): boolean {
  return !isVerifiedKind(kind);
}

/** The due date of a step: last day + offset, never before the handover's first day. */
export function dueDateFor(offsetDays: number, startDay: string, lastDay: string): string {
  if (offsetDays <= ASAP_OFFSET) return startDay;
  const due = addDays(lastDay, offsetDays);
  return due < startDay ? startDay : due;
}

/** "+2", "-1", "0", "сразу"/"now": a typed offset, or null. */
export function parseOffset(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/[−–—]/g, "-");
  if (/^(сразу|немедленно|в день (запуска|начала)|now|asap|immediately|at once|start)$/.test(t)) return ASAP_OFFSET;
  const m = /^([+-]?)\s*(\d{1,2})$/.exec(t);
  if (!m) return null;
  const n = Number(m[2]) * (m[1] === "-" ? -1 : 1);
  return n >= MIN_OFFSET && n <= MAX_OFFSET ? n : null;
}

export function templateOf(db: DbOrTx, teamId: number): TemplateStep[] {
  const rows = db
    .select()
    .from(checklistTemplateSteps)
    .where(eq(checklistTemplateSteps.teamId, teamId))
    .orderBy(asc(checklistTemplateSteps.position), asc(checklistTemplateSteps.id))
    .all();
  if (rows.length === 0) return DEFAULT_TEMPLATE.map((s, i) => ({ id: null, position: i + 1, kind: s.kind, title: null, offsetDays: s.offsetDays }));
  return rows.map((r) => ({ id: r.id, position: r.position, kind: r.kind, title: r.title, offsetDays: r.offsetDays }));
}

/** Stores the built-in template for the team if it has none yet, so its steps get ids to edit. */
export function ensureTemplate(tx: DbOrTx, teamId: number): TemplateStep[] {
  const current = templateOf(tx, teamId);
  if (current[0]?.id !== null) return current;
  writeTemplate(tx, teamId, current);
  return templateOf(tx, teamId);
}

/** Stores the steps in this order; rows keep their ids (so buttons that name a step stay valid). */
function writeTemplate(tx: DbOrTx, teamId: number, steps: Omit<TemplateStep, "position">[]): void {
  const keep = new Set(steps.map((s) => s.id).filter((id): id is number => id !== null));
  const stored = tx.select({ id: checklistTemplateSteps.id }).from(checklistTemplateSteps).where(eq(checklistTemplateSteps.teamId, teamId)).all();
  for (const row of stored) if (!keep.has(row.id)) tx.delete(checklistTemplateSteps).where(eq(checklistTemplateSteps.id, row.id)).run();
  steps.forEach((s, i) => {
    const values = { position: i + 1, kind: s.kind, title: s.title, offsetDays: s.offsetDays };
    if (s.id === null) tx.insert(checklistTemplateSteps).values({ teamId, ...values }).run();
    else tx.update(checklistTemplateSteps).set(values).where(eq(checklistTemplateSteps.id, s.id)).run();
  });
}

export type TemplateEdit =
  | { op: "add"; title: string; offsetDays: number }
  | { op: "rename"; stepId: number; title: string | null }
  | { op: "offset"; stepId: number; offsetDays: number }
  | { op: "move"; stepId: number; direction: -1 | 1 }
  | { op: "remove"; stepId: number }
  | { op: "reset" };

export type TemplateEditResult =
  | { ok: true; steps: TemplateStep[] }
  | { ok: false; reason: "not_found" | "required" | "fixed_last" | "edge" | "too_many" | "bad_title" | "bad_offset" };

/** Applies one change by a lead, in one transaction, with an audit entry. */
export function editTemplate(db: Db, input: { teamId: number; actorId: number; edit: TemplateEdit; now: Date }): TemplateEditResult {
  return db.transaction((tx) => {
    const steps = ensureTemplate(tx, input.teamId).map((s) => ({ ...s }));
    const edit = input.edit;
    const index = "stepId" in edit ? steps.findIndex((s) => s.id === edit.stepId) : -1;
    if ("stepId" in edit && index < 0) return { ok: false, reason: "not_found" } as const;
    const step = steps[index];
    switch (edit.op) {
      case "add": {
        const title = edit.title.replace(/\s+/g, " ").trim();
        if (title.length < 2 || title.length > MAX_STEP_TITLE) return { ok: false, reason: "bad_title" } as const;
        if (steps.length >= MAX_TEMPLATE_STEPS) return { ok: false, reason: "too_many" } as const;
        if (!validOffset(edit.offsetDays)) return { ok: false, reason: "bad_offset" } as const;
        const last = steps.findIndex((s) => s.kind === "final_check");
        steps.splice(last < 0 ? steps.length : last, 0, { id: null, position: 0, kind: "custom", title, offsetDays: edit.offsetDays });
        break;
      }
      case "rename": {
        const title = edit.title === null ? null : edit.title.replace(/\s+/g, " ").trim();
        if (title !== null && (title.length < 2 || title.length > MAX_STEP_TITLE)) return { ok: false, reason: "bad_title" } as const;
        // A custom step has no built-in wording to fall back to.
        if (title === null && step!.kind === "custom") return { ok: false, reason: "bad_title" } as const;
        step!.title = title;
        break;
      }
      case "offset":
        if (!validOffset(edit.offsetDays)) return { ok: false, reason: "bad_offset" } as const;
        step!.offsetDays = edit.offsetDays;
        break;
      case "move": {
        if (step!.kind === "final_check") return { ok: false, reason: "fixed_last" } as const;
        const target = index + edit.direction;
        if (target < 0 || target >= steps.length || steps[target]!.kind === "final_check") return { ok: false, reason: "edge" } as const;
        [steps[index], steps[target]] = [steps[target]!, steps[index]!];
        break;
      }
      case "remove":
        if (!isRemovableKind(step!.kind)) return { ok: false, reason: "required" } as const;
        steps.splice(index, 1);
        break;
      case "reset":
        steps.splice(0, steps.length, ...DEFAULT_TEMPLATE.map((s, i) => ({ id: null, position: i + 1, kind: s.kind, title: null, offsetDays: s.offsetDays })));
        break;
    }
    writeTemplate(tx, input.teamId, steps);
    recordAudit(tx, {
      teamId: input.teamId,
      handoverId: null,
      actorId: input.actorId,
      action: "template_changed",
      details: { op: edit.op, ...("stepId" in edit ? { stepId: edit.stepId } : {}) },
      now: input.now,
    });
    return { ok: true, steps: templateOf(tx, input.teamId) } as const;
  });
}

function validOffset(n: number): boolean {
  return Number.isInteger(n) && (n === ASAP_OFFSET || (n >= MIN_OFFSET && n <= MAX_OFFSET));
}

/** A template step of the team, or null (stale buttons). */
export function templateStep(db: DbOrTx, teamId: number, stepId: number): TemplateStep | null {
  const row = db
    .select()
    .from(checklistTemplateSteps)
    .where(and(eq(checklistTemplateSteps.teamId, teamId), eq(checklistTemplateSteps.id, stepId)))
    .get();
  return row ? { id: row.id, position: row.position, kind: row.kind, title: row.title, offsetDays: row.offsetDays } : null;
}
