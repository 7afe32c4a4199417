// A network lost under a running bot: polling retries quietly, but the log says so once a minute.
import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { watchPolling } from "../../src/bot/serve/polling.js";

describe("a failing getUpdates", () => {
  it("is logged once a minute while it fails, and once when it works again", async () => {
    const lines: { msg: string; obj: Record<string, unknown> }[] = [];
    const logger = { warn: (obj: Record<string, unknown>, msg: string) => void lines.push({ obj, msg }) } as never;
    let t = 0;
    const watch = watchPolling(logger, "http://api.test", () => t);
    const fail = async () => {
      throw new HttpError("Network request for 'getUpdates' failed!", new Error("connect ECONNREFUSED 127.0.0.1:9"));
    };
    const ok = async () => ({ ok: true as const, result: [] });
    for (t of [0, 5_000, 30_000, 59_000, 60_000, 65_000]) await expect(watch(fail as never, "getUpdates", {} as never)).rejects.toThrow();
    expect(lines.map((l) => l.msg)).toEqual(["cannot reach the Bot API at http://api.test; retrying every 5 s", "cannot reach the Bot API at http://api.test; retrying every 5 s"]);
    expect(lines[0]!.obj.reason).toBe("connect ECONNREFUSED 127.0.0.1:9");
    t = 70_000;
    await watch(ok as never, "getUpdates", {} as never);
    await watch(ok as never, "getUpdates", {} as never);
    expect(lines.at(-1)).toEqual({ msg: "the Bot API at http://api.test answers again", obj: { downForMs: 70_000 } });
    expect(lines).toHaveLength(3);
    await watch(fail as never, "sendMessage", {} as never).catch(() => undefined); // other methods are not its business
    expect(lines).toHaveLength(3);
  });
});
