// The buttons under nags open other capabilities' flows, with those capabilities' own callback data (each
// checks the tap against the database itself).
import { todayData } from "../calls/keyboards.js";
import { distData } from "../distribution/keyboards.js";
import { chk } from "../handover/checklist-keyboards.js";

export const nagData = {
  /** The distribution's "distribute the pool now". */
  distribute: () => distData.start(),
  /** The calls' list for today. */
  today: () => todayData.show,
  /** The checklist of a handover. */
  checklist: (handoverId: number) => chk.open(handoverId),
};
