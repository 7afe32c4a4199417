// Forged callback data for every kind of button the bot makes (unknown ids, the other team's ids, text
// and absurd numbers, cut, lengthened, garbage), tapped by the team's lead and, for managers' own
// buttons, by the manager: each gets a short toast or a polite message, the database stays as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonKinds, forgeriesOf, RESERVED_PREFIXES, type Ids } from "./buttons.js";
import { createRichWorld, type RichWorld } from "./support.js";
import { tapRefused } from "./taps.js";

/** The ids createRichWorld ends up with (checked in beforeAll, so the tables below stay honest). */
const OWN: Ids = { handover: "1", step: "1", client: "3", member: "2", member2: "3", call: "1", distribution: "1", batch: "1", templateStep: "7", commitment: "1" };
const OTHER: Ids = { handover: "2", step: "8", client: "4", member: "6", member2: "5", call: "2", distribution: "2", batch: "2", templateStep: "14", commitment: "2" };

const forged = buttonKinds.flatMap((kind, i) => forgeriesOf(kind, OWN, OTHER, i).map((f) => ({ ...f, kind })));

let w: RichWorld;
beforeAll(async () => {
  w = await createRichWorld();
  expect(w.own).toEqual(OWN);
  expect(w.other).toEqual(OTHER);
});
afterAll(() => w.h.close());

describe("the table covers every reserved prefix", () => {
  it.each(RESERVED_PREFIXES)("%s", (prefix) => {
    expect(buttonKinds.some((k) => k.prefix === prefix)).toBe(true);
    expect(forged.filter((f) => f.kind.prefix === prefix).length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(RESERVED_PREFIXES)("forged %s data tapped by the lead", (prefix) => {
  it.each(forged.filter((f) => f.kind.prefix === prefix))("$label: $data", async ({ data }) => {
    await tapRefused(w.h, w.lead, data);
  });
});

describe("forged data on the manager's own buttons, tapped by the manager", () => {
  it.each(forged.filter((f) => f.kind.audience === "member"))("$label: $data", async ({ data }) => {
    await tapRefused(w.h, w.boris, data);
  });
});
