// Malformed files sent by a lead: every one gets a polite, specific answer, and none writes a client.
// A readable-but-odd file gets a preview (the batch waits in import_batches), and cancelling it leaves
// the client base exactly as it was.
import { eq, ne } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clients, importBatches } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { fileCases } from "./corpus/files.js";
import { expectCleanRun, expectUnchanged, saidTo, snapshot } from "./support.js";

let h: Harness;
let lead: Persona;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam();
  await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

const batches = (status: "previewed" | "other") =>
  h.db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(status === "previewed" ? eq(importBatches.status, "previewed") : ne(importBatches.status, "previewed"))
    .all().length;

describe("malformed files", () => {
  it("the corpus holds at least 30 cases", () => {
    expect(fileCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fileCases)("$name", async (c) => {
    const before = snapshot(h.db, ["import_batches"]);
    const settledBefore = batches("other");
    const previewsBefore = batches("previewed");
    const from = h.calls().length;

    const bytes = await c.bytes();
    await lead.sendDocument(c.fileName, bytes, { ...(c.mimeType ? { mimeType: c.mimeType } : {}), ...(c.size ? { size: c.size } : {}) });

    const reply = saidTo(h, lead, from);
    for (const part of c.expect) expect(reply).toContain(part);
    for (const part of c.reject ?? []) expect(reply).not.toContain(part);
    if (c.noDownload) expect(h.calls("getFile").length).toBe(0);
    expectUnchanged(h.db, before, ["import_batches"]);
    expect(batches("other")).toBe(settledBefore);
    expect(batches("previewed")).toBe(previewsBefore + (c.preview ? 1 : 0));
    expectCleanRun(h, from);

    if (c.preview) {
      // The preview waits for the lead; Cancel leaves the base untouched.
      expect(lead.last()!.buttons.flat().map((b) => b.text)).toContain("✖️ Отмена");
      await lead.tapButton("Отмена");
      expect(lead.lastText()).toContain("ничего не загружено");
      expectUnchanged(h.db, before, ["import_batches"]);
      expect(batches("previewed")).toBe(previewsBefore);
      expect(h.db.select().from(clients).all()).toEqual([]);
    }
    expectCleanRun(h, from);
  });
});
