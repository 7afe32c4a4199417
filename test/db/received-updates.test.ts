// The inbox of updates: what is kept, what is pruned, and that pruning does not read the whole inbox.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client.js";
import { markUpdateHandled, receiveUpdate } from "../../src/db/received-updates.js";
import { DEFAULT_START } from "../support/clock.js";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(DEFAULT_START).getTime();
let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => db.$client.close());

const kept = () => (db.$client.prepare("SELECT update_id FROM received_updates ORDER BY update_id").pluck().all() as number[]);
const update = (id: number) => ({ update_id: id }) as Parameters<typeof receiveUpdate>[1];

describe("the update inbox", () => {
  it("forgets updates older than two days every 500 updates, and keeps the rest", () => {
    receiveUpdate(db, update(1), now - 3 * DAY);
    markUpdateHandled(db, 1, now - 3 * DAY);
    receiveUpdate(db, update(2), now - 3 * DAY); // never finished, but too old to replay
    receiveUpdate(db, update(3), now - DAY);
    receiveUpdate(db, update(499), now);
    expect(kept()).toEqual([1, 2, 3, 499]);
    receiveUpdate(db, update(500), now);
    expect(kept()).toEqual([3, 499, 500]);
  });

  it("finds what to prune through the index on age, not by reading every update", () => {
    const plan = db.$client
      .prepare("EXPLAIN QUERY PLAN DELETE FROM received_updates WHERE received_at < ? AND (handled_at IS NOT NULL OR received_at < ?)")
      .all(0, 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toContain("USING INDEX received_updates_received_at_idx");
  });
});
