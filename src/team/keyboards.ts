// Callback data of the team's buttons: the language, "create a team" and its time zones, /team's
// management (co-lead requests, removing a member, deleting the team). Ids and short codes only, never
// trusted: the handlers check the lead, the team and the member on every tap.
import { callbackData, callbackSet, flag, id, oneOf, text } from "../bot/callback-data.js";
import { locales } from "../platform/locale.js";

export const languageButton = callbackData("lang", { locale: oneOf(locales) });

/** /start's "create a team" for a person in no team. */
export const createTeamButton = callbackData("team:create");

/** The create-team dialogue's time zone buttons: IANA names (`Europe/Moscow`), checked again when tapped. */
export const createTeamButtons = callbackSet({ zone: callbackData("ct:tz", { zone: text(/[A-Za-z0-9_+\-/]+/, 58) }) }, "ct");

/** The delete-team dialogue's "keep it" button. */
export const deleteTeamButtons = callbackSet({ cancel: callbackData("tmd:cancel") }, "tmd");

/** A co-lead request decided by a lead: in the lead's notice, or in the /team message (redrawn after). */
export const leadRequestButtons = callbackSet({
  request: callbackData("tm:jr", { accept: flag("ok", "no"), requestId: id() }),
  requestInTeam: callbackData("tm:tjr", { accept: flag("ok", "no"), requestId: id() }),
});

/** /team's member buttons: a member's card, and removing them. */
export const memberButtons = callbackSet({
  member: callbackData("tm:m", { memberId: id() }),
  remove: callbackData("tm:rm", { memberId: id() }),
});

/** Back to /team, and deleting the team (a dialogue asks for its name). */
export const teamMenuButtons = {
  back: callbackData("tm:back"),
  deleteTeam: callbackData("tm:delteam"),
};

const r = leadRequestButtons.codecs;
const m = memberButtons.codecs;

export const tm = {
  /** `inTeam`: the button sits in the /team message, which is redrawn after the decision. */
  accept: (requestId: number, inTeam = false) => (inTeam ? r.requestInTeam : r.request).encode({ accept: true, requestId }),
  decline: (requestId: number, inTeam = false) => (inTeam ? r.requestInTeam : r.request).encode({ accept: false, requestId }),
  member: (memberId: number) => m.member.encode({ memberId }),
  remove: (memberId: number) => m.remove.encode({ memberId }),
  back: () => teamMenuButtons.back.encode(),
  deleteTeam: () => teamMenuButtons.deleteTeam.encode(),
};
