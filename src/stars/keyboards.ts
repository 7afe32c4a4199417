// Callback data of /stars: ids and short codes only, never trusted (checked against the tapper's team).
import type { StarsRole } from "../db/schema.js";

export const STARS_PREFIX = "star";

export const starData = {
  overview: () => "star:o",
  member: (memberId: number) => `star:m:${memberId}`,
  pause: (paused: boolean) => `star:p:${paused ? 1 : 0}`,
  cap: (memberId: number, up: boolean) => `star:c:${memberId}:${up ? "u" : "d"}`,
  role: (memberId: number, role: StarsRole | null) => `star:r:${memberId}:${role === "trainee" ? "t" : role === "quality" ? "q" : "n"}`,
  teamCap: (up: boolean) => `star:tc:${up ? "u" : "d"}`,
  /** The next plan day, the next plan hour, the next window length (each tap moves one step, cycling). */
  next: (what: "day" | "hour" | "window") => `star:n:${what[0]}`,
};

export type StarTap =
  | { kind: "overview" }
  | { kind: "member"; memberId: number }
  | { kind: "pause"; paused: boolean }
  | { kind: "cap"; memberId: number; up: boolean }
  | { kind: "role"; memberId: number; role: StarsRole | null }
  | { kind: "teamCap"; up: boolean }
  | { kind: "next"; what: "day" | "hour" | "window" };

const ID = "(\\d{1,12})";

export function decodeStarData(data: string): StarTap | null {
  if (data === "star:o") return { kind: "overview" };
  let m = new RegExp(`^star:m:${ID}$`).exec(data);
  if (m) return { kind: "member", memberId: Number(m[1]) };
  m = /^star:p:([01])$/.exec(data);
  if (m) return { kind: "pause", paused: m[1] === "1" };
  m = new RegExp(`^star:c:${ID}:([ud])$`).exec(data);
  if (m) return { kind: "cap", memberId: Number(m[1]), up: m[2] === "u" };
  m = new RegExp(`^star:r:${ID}:([tqn])$`).exec(data);
  if (m) return { kind: "role", memberId: Number(m[1]), role: m[2] === "t" ? "trainee" : m[2] === "q" ? "quality" : null };
  m = /^star:n:([dhw])$/.exec(data);
  if (m) return { kind: "next", what: m[1] === "d" ? "day" : m[1] === "h" ? "hour" : "window" };
  m = /^star:tc:([ud])$/.exec(data);
  if (m) return { kind: "teamCap", up: m[1] === "u" };
  return null;
}
