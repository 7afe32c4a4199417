// A team in the middle of a handover: Anna leads, Maria (known by name only) has left, her clients went to
// Boris and Vera, and the reactivation calls are scheduled. Built through the real bot where a person
// would act, and seeded where another feature's flow would (the distribution's apply).
import { asc, eq } from "drizzle-orm";
import { calls, clients, type Terms } from "../../src/db/schema.js";
import type { Harness } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment, seedNameOnlyMember } from "../support/seed.js";
import { seedAppliedHandover } from "./calls.fixtures.js";

export async function handoverScene(h: Harness, options: { terms?: Terms; lastDay?: string; extraClients?: number } = {}) {
  const lead = await h.createTeam();
  const boris = await h.join(200, "manager", { first_name: "Борис" });
  const vera = await h.join(300, "manager", { first_name: "Вера" });
  const ids = {
    lead: memberIdOf(h.db, 100),
    boris: memberIdOf(h.db, 200),
    vera: memberIdOf(h.db, 300),
    maria: seedNameOnlyMember(h.db, 1, "Мария"),
  };
  const now = h.clock.now();
  const [alpha, beta, gamma, delta] = seedClients(
    h.db,
    1,
    [
      { name: "ООО «Альфа» <VIP> & Co", ownerId: ids.maria, temperature: "hot", company: "Альфа", phones: ["+79161234567", "+74951112233"], email: "alpha@example.com" },
      { name: "Бета", ownerId: ids.maria, temperature: "warm", phones: ["+79160000002"] },
      { name: "Гамма", ownerId: ids.maria, temperature: "cold" },
      { name: "Дельта", ownerId: ids.maria, temperature: "warm", phones: ["+79160000004"] },
    ],
    now.getTime(),
  );
  seedCommitment(h.db, { teamId: 1, clientId: alpha!, ownerId: ids.maria, kind: "document", text: "Выслать акт сверки", dueOn: "2026-11-24" });
  const extra = options.extraClients ? seedClients(h.db, 1, Array.from({ length: options.extraClients }, (_, i) => ({ name: `Клиент ${i + 1}`, ownerId: ids.maria })), now.getTime()) : [];
  const moves = [
    { clientId: alpha!, to: ids.boris },
    { clientId: beta!, to: ids.boris },
    { clientId: gamma!, to: ids.boris },
    { clientId: delta!, to: ids.vera },
    ...extra.map((clientId) => ({ clientId, to: ids.boris })),
  ];
  const { handoverId, distributionId } = seedAppliedHandover(h.db, {
    teamId: 1,
    leaverId: ids.maria,
    leadId: ids.lead,
    terms: options.terms ?? "good",
    lastDay: options.lastDay ?? "2026-11-23",
    moves,
    now,
  });
  return { lead, boris, vera, ids, clients: { alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }, extra, handoverId, distributionId };
}

export function callOf(h: Harness, clientId: number) {
  return h.db.select().from(calls).where(eq(calls.clientId, clientId)).orderBy(asc(calls.id)).all().at(-1)!;
}

export function clientOf(h: Harness, clientId: number) {
  return h.db.select().from(clients).where(eq(clients.id, clientId)).get()!;
}
