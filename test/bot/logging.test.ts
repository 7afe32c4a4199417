// Operators' logs: one line per update at debug level with what was asked and how long it took, and nothing
// a person typed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("update log lines", () => {
  it("say the kind, the handler and the time at debug level, never the text", async () => {
    h.deps.logger.level = "debug";
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await lead.send("/clients");
    await lead.send("Иванов Пётр +79161234567");
    const lines = h.logs.filter((l) => l.msg === "update");
    expect(lines.find((l) => l.handler === "/clients")).toMatchObject({ type: "message", chat_type: "private", ms: expect.any(Number) });
    expect(lines.some((l) => l.handler === "text")).toBe(true);
    expect(JSON.stringify(h.logs)).not.toContain("Иванов");
    expect(JSON.stringify(h.logs)).not.toContain("79161234567");
  });

  it("are not written at the default level", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await lead.send("/clients");
    expect(h.logs.filter((l) => l.msg === "update")).toEqual([]);
  });
});
