// Direct database seeding for tests that need clients before the scenario starts (the import flow itself
// is tested through the bot in its own tests).
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { clients, commitments, members, type CommitmentKind, type Temperature } from "../../src/db/schema.js";
import { SEED_TIME_MS } from "./clock.js";

export interface SeedClient {
  name: string;
  ownerId: number | null;
  temperature?: Temperature;
  company?: string | null;
  phones?: string[];
  email?: string | null;
  nextContactOn?: string | null;
  notes?: string | null;
}

export function seedClients(db: Db, teamId: number, list: SeedClient[], now = SEED_TIME_MS): number[] {
  return db.transaction((tx) =>
    list.map(
      (c) =>
        tx
          .insert(clients)
          .values({
            teamId,
            name: c.name,
            ownerId: c.ownerId,
            temperature: c.temperature ?? "warm",
            company: c.company ?? null,
            phones: c.phones ?? [],
            primaryPhone: c.phones?.[0] ?? null,
            email: c.email ?? null,
            nextContactOn: c.nextContactOn ?? null,
            notes: c.notes ?? null,
            unassignedSince: c.ownerId === null ? now : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: clients.id })
          .get().id,
    ),
  );
}

/** `count` clients named "<prefix> N", temperatures cycling hot/warm/cold. */
export function seedManyClients(db: Db, teamId: number, ownerId: number | null, count: number, prefix = "Клиент"): number[] {
  const temps: Temperature[] = ["hot", "warm", "cold"];
  return seedClients(
    db,
    teamId,
    Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, ownerId, temperature: temps[i % 3]!, phones: [`+7916${String(1000000 + i).padStart(7, "0")}`] })),
  );
}

export function seedCommitment(
  db: Db,
  input: { teamId: number; clientId: number; ownerId: number | null; kind?: CommitmentKind; text: string; dueOn?: string | null },
): number {
  return db
    .insert(commitments)
    .values({
      teamId: input.teamId,
      clientId: input.clientId,
      ownerId: input.ownerId,
      kind: input.kind ?? "promise",
      text: input.text,
      dueOn: input.dueOn ?? null,
      createdAt: SEED_TIME_MS,
    })
    .returning({ id: commitments.id })
    .get().id;
}

/** A member known by name only (an owner from an import who never opened the bot). */
export function seedNameOnlyMember(db: Db, teamId: number, name: string, role: "manager" | "lead" = "manager"): number {
  return db.insert(members).values({ teamId, name, role, createdAt: SEED_TIME_MS }).returning({ id: members.id }).get().id;
}

export function memberIdOf(db: Db, telegramId: number): number {
  const row = db.select({ id: members.id }).from(members).where(eq(members.telegramId, telegramId)).get();
  if (!row) throw new Error(`no member with telegram id ${telegramId}`);
  return row.id;
}
