// Callback data of /stars: ids and short codes only, never trusted (checked against the tapper's team).
import type { StarsRole } from "../db/schema.js";
import { callbackData, callbackSet, codes, flag, id } from "../bot/callback-data.js";

const up = flag("u", "d");

export const starButtons = callbackSet({
  overview: callbackData("star:o"),
  member: callbackData("star:m", { memberId: id() }),
  pause: callbackData("star:p", { paused: flag("1", "0") }),
  cap: callbackData("star:c", { memberId: id(), up }),
  role: callbackData("star:r", {
    memberId: id(),
    role: codes<StarsRole | null>([
      ["trainee", "t"],
      ["quality", "q"],
      [null, "n"],
    ]),
  }),
  teamCap: callbackData("star:tc", { up }),
  /** The next plan day, the next plan hour, the next window length (each tap moves one step, cycling). */
  next: callbackData("star:n", {
    what: codes<"day" | "hour" | "window">([
      ["day", "d"],
      ["hour", "h"],
      ["window", "w"],
    ]),
  }),
});

const codec = starButtons.codecs;

export const starData = {
  overview: () => codec.overview.encode(),
  member: (memberId: number) => codec.member.encode({ memberId }),
  pause: (paused: boolean) => codec.pause.encode({ paused }),
  cap: (memberId: number, isUp: boolean) => codec.cap.encode({ memberId, up: isUp }),
  role: (memberId: number, role: StarsRole | null) => codec.role.encode({ memberId, role }),
  teamCap: (isUp: boolean) => codec.teamCap.encode({ up: isUp }),
  next: (what: "day" | "hour" | "window") => codec.next.encode({ what }),
};
