// The team's checklist template as a message with buttons (edited in place by /offboard template).
import { InlineKeyboard } from "grammy";
import { ASAP_OFFSET, isRemovableKind, isVerifiedKind, type TemplateStep } from "./checklist-template.js";
import { stepTitle } from "./views.js";
import type { Translate } from "../platform/locale.js";
import { chk } from "./checklist-keyboards.js";
import { off } from "./keyboards.js";
import { clip } from "../platform/format/clip.js";

export type TemplateMode = { kind: "main" } | { kind: "step"; stepId: number } | { kind: "remove"; stepId: number } | { kind: "reset" };

export function offsetText(t: Translate, offsetDays: number): string {
  if (offsetDays <= ASAP_OFFSET) return t("checklist-offset-asap");
  return t("checklist-offset", { days: Math.abs(offsetDays), dir: offsetDays === 0 ? "same" : offsetDays < 0 ? "before" : "after" });
}

export function renderTemplateMenu(t: Translate, steps: TemplateStep[], mode: TemplateMode = { kind: "main" }): { text: string; keyboard: InlineKeyboard } {
  const lines = steps.map((s) =>
    t("checklist-template-line", { position: s.position, title: clip(stepTitle(t, s), 120), auto: isVerifiedKind(s.kind) ? "yes" : "no", offset: offsetText(t, s.offsetDays) }),
  );
  let text = [t("checklist-template-title"), "", ...lines].join("\n");
  const kb = new InlineKeyboard();
  const step = "stepId" in mode ? steps.find((s) => s.id === mode.stepId) : undefined;
  if (mode.kind === "step" && step && step.id !== null) {
    text += "\n\n" + t("checklist-template-step-chosen", { position: step.position, title: clip(stepTitle(t, step), 120) });
    kb.text(t("checklist-template-button-rename"), chk.templateRename(step.id)).text(t("checklist-template-button-offset"), chk.templateOffset(step.id)).row();
    if (step.kind !== "final_check") kb.text("⬆️", off.templateUp(step.id)).text("⬇️", off.templateDown(step.id)).row();
    if (step.title !== null && step.kind !== "custom") kb.text(t("checklist-template-button-default-wording"), off.templateDefaultWording(step.id)).row();
    if (isRemovableKind(step.kind)) kb.text(t("checklist-template-button-remove"), off.templateRemove(step.id)).row();
    kb.text(t("checklist-button-back"), off.templateMenu());
    return { text, keyboard: kb };
  }
  if (mode.kind === "remove" && step && step.id !== null) {
    text += "\n\n" + t("checklist-template-remove-confirm", { position: step.position, title: clip(stepTitle(t, step), 120) });
    kb.text(t("checklist-template-button-remove-yes"), off.templateRemoveYes(step.id)).text(t("checklist-button-back"), off.templateStep(step.id));
    return { text, keyboard: kb };
  }
  if (mode.kind === "reset") {
    text += "\n\n" + t("checklist-template-reset-confirm");
    kb.text(t("checklist-template-button-reset-yes"), off.templateResetYes()).text(t("checklist-button-back"), off.templateMenu());
    return { text, keyboard: kb };
  }
  text += "\n\n" + t("checklist-template-hint");
  steps.forEach((s, i) => {
    if (s.id === null) return;
    const label = s.kind === "custom" || s.title ? clip(s.title ?? "", 28) : t(`checklist-short-${s.kind}`);
    kb.text(`${s.position}. ${label}`, off.templateStep(s.id));
    if (i % 2 === 1) kb.row();
  });
  if (steps.length % 2 === 1) kb.row();
  kb.text(t("checklist-template-button-add"), chk.templateAdd()).text(t("checklist-template-button-reset"), off.templateReset()).row();
  kb.text(t("checklist-template-button-close"), off.templateClose());
  return { text, keyboard: kb };
}
