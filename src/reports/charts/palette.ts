// Colours of the charts: the Okabe–Ito palette (safe for the common kinds of colour blindness). One
// outcome has one colour in every chart, so a lead learns it once.
export const OUTCOME_COLOURS = {
  reached: "#009E73", // bluish green
  noAnswer: "#E69F00", // orange
  callBack: "#56B4E9", // sky blue
  lost: "#D55E00", // vermillion
  notCalled: "#BBBBBB", // grey: nothing happened yet
} as const;

export type Outcome = keyof typeof OUTCOME_COLOURS;
export const OUTCOMES: readonly Outcome[] = ["reached", "noAnswer", "callBack", "lost", "notCalled"];

/**
 * Calls made (timeline bars: reached and lost together, so not an outcome's colour), open calls (the burndown
 * line), the plan (dashed), and the markers.
 */
export const TIMELINE_COLOURS = { done: "#0072B2", open: "#000000", planned: "#999999", today: "#555555", due: "#CC79A7" } as const;

/** "Went with the leaver" stands out; the other lost reasons are the lost colour, lighter. */
export const LOST_COLOURS = { highlighted: OUTCOME_COLOURS.lost, other: "#F0B89A" } as const;

/**
 * The star index: the bar of a manager's share of single-voice clients, the team's line, and the trend
 * lines (Okabe–Ito colours no outcome uses, then greys).
 */
export const STAR_COLOURS = { bar: "#0072B2", team: "#000000", trend: ["#CC79A7", "#0072B2", "#F0E442", "#999999", "#555555", "#7F3C8D"] } as const;

export const TEXT_COLOUR = "#222222";
