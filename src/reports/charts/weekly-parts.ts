// What the leads' weekly picture is made of: the open handovers (weekly-job.ts), and the parts other
// capabilities add. HOOK for /stars: the star-index chart (per manager, with its 8-week trend) registers a
// part here — from the team to pictures to draw: a renderer registered with registerPhotoRenderer
// (outbox/photo-renderers.ts) and its JSON arguments — and the weekly job sends them after the handovers'
// picture. Nothing here knows about stars; an empty list means no extra parts.
import type { Db } from "../../db/client.js";
import type { Team } from "../../team/teams.js";
import type { ChartTexts } from "./texts.js";

export interface DeferredPicture {
  /** A name given to registerPhotoRenderer. */
  renderer: string;
  /** Plain JSON: stored in the outbox until the picture is sent. */
  args: unknown;
  /** The caption's translation key; the weekly picture's own caption when absent. */
  captionKey?: string;
}

export type WeeklyPart = (input: { db: Db; team: Team; today: string }, texts: ChartTexts) => DeferredPicture[];

/** Extra parts of the weekly picture, in order (the star index goes here once /stars exists). */
export const weeklyParts: WeeklyPart[] = [];
