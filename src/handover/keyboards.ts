// Callback data of /offboard: the start dialogue (`off:c:`), the template editor (`off:tpl`) and the
// leaver's form (`off:lf:`). Ids only, never trusted.
import type { Terms } from "../db/schema.js";

export const OFFBOARD_DIALOGUE_PREFIX = "off:c:";
export const LEAVER_FORM_PREFIX = "off:lf:";

export const off = {
  /** Starts a new handover; an open /offboard dialogue of the same lead restarts instead. */
  newHandover: () => `${OFFBOARD_DIALOGUE_PREFIX}new`,
  who: (memberId: number) => `${OFFBOARD_DIALOGUE_PREFIX}who:${memberId}`,
  terms: (terms: Terms) => `${OFFBOARD_DIALOGUE_PREFIX}terms:${terms}`,
  day: (day: string) => `${OFFBOARD_DIALOGUE_PREFIX}day:${day}`,
  pastYes: (day: string) => `${OFFBOARD_DIALOGUE_PREFIX}past:${day}`,
  pastNo: () => `${OFFBOARD_DIALOGUE_PREFIX}pastno`,
  confirm: () => `${OFFBOARD_DIALOGUE_PREFIX}go`,
  abort: () => `${OFFBOARD_DIALOGUE_PREFIX}no`,

  /** Carries a leaver picked in the group over to the lead's private chat (`g`: post the checklist in the group). */
  go: (leaverId: number, fromGroup: boolean) => `off:go:${leaverId}${fromGroup ? ":g" : ""}`,

  template: () => "off:tpl",
  /** Back to the template menu, editing the message in place. */
  templateMenu: () => "off:tpl:m",
  templateStep: (id: number) => `off:tpl:s:${id}`,
  templateUp: (id: number) => `off:tpl:up:${id}`,
  templateDown: (id: number) => `off:tpl:dn:${id}`,
  templateRemove: (id: number) => `off:tpl:rm:${id}`,
  templateRemoveYes: (id: number) => `off:tpl:rmy:${id}`,
  templateDefaultWording: (id: number) => `off:tpl:def:${id}`,
  templateReset: () => "off:tpl:reset",
  templateResetYes: () => "off:tpl:resety",
  templateClose: () => "off:tpl:close",

  /** In the leaver's private chat: opens the form (an open form restarts). */
  formStart: (handoverId: number, leadId: number) => `${LEAVER_FORM_PREFIX}go:${handoverId}:${leadId}`,
  formAnswer: (value: "none" | "skip" | "end" | "next" | "nodate") => `${LEAVER_FORM_PREFIX}a:${value}`,
};
