// What the leads' weekly picture is made of: the open handovers (here), and the parts other capabilities
// add. HOOK for /stars: the star-index chart (per manager, with its 8-week trend) registers a part here —
// a pure function from the team to chart specs — and the weekly job sends it with the rest. Nothing here
// knows about stars; an empty list means no extra parts.
import type { Db } from "../../db/client.js";
import type { Team } from "../../domain/teams.js";
import type { ChartSpec } from "./spec.js";
import type { ChartTexts } from "./texts.js";

export type WeeklyPart = (input: { db: Db; team: Team; today: string }, texts: ChartTexts) => ChartSpec[];

/** Extra parts of the weekly picture, in order (the star index goes here once /stars exists). */
export const weeklyParts: WeeklyPart[] = [];
