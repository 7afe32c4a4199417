import { it } from "vitest";
import { callbackDataSeen, createRichWorld } from "./support.js";
it("explore", async () => {
  const w = await createRichWorld();
  console.log(JSON.stringify(callbackDataSeen(w.h)), w.handoverId, w.distributionId, w.batchId, JSON.stringify(w.h.errors()));
  console.log(w.h.db.$client.prepare("select id, team_id, telegram_id, name, role from members").all());
  console.log(w.h.db.$client.prepare("select id, status, kind, assignee_id, client_id from calls").all());
}, 60000);
