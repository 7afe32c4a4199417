import { afterEach, beforeEach, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

it("smoke", async () => {
  const lead = await h.createTeam();
  await h.join(200, "manager", { first_name: "Борис" });
  const csv = "ФИО;Телефон;Ответственный;Температура\nИван Петров;+7 916 123-45-67;Борис;горячий\nМария;89161234568;Петров;\n";
  await lead.sendDocument("clients.csv", Buffer.from(csv));
  console.log(lead.lastText(), JSON.stringify(lead.last()?.buttons));
  await lead.tapButton("Загрузить");
  console.log(lead.lastText());
  await lead.send("/clients");
  console.log(lead.lastText(), JSON.stringify(lead.last()?.buttons));
  await lead.tapButton("Иван");
  console.log(lead.lastText(), JSON.stringify(lead.last()?.buttons));
  await lead.send("/export");
  console.log(h.calls("sendDocument").at(-1)?.files.document?.bytes.toString());
  console.log(h.errors());
});
