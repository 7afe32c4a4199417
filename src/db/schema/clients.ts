// The client base: clients, their commitments and history, and files waiting to be imported.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";
import { teams, members } from "./team.js";

export type Temperature = "hot" | "warm" | "cold";
export type ClientStatus = "active" | "lost";

export const clients = sqliteTable(
  "clients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    externalId: text("external_id"),
    name: text("name").notNull(),
    company: text("company"),
    /** Normalised E.164 numbers, JSON array. */
    phones: text("phones", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** First phone, for matching re-imports. */
    primaryPhone: text("primary_phone"),
    email: text("email"),
    ownerId: integer("owner_id").references(() => members.id),
    previousOwnerId: integer("previous_owner_id").references(() => members.id),
    temperature: text("temperature").$type<Temperature>().notNull().default("warm"),
    status: text("status").$type<ClientStatus>().notNull().default("active"),
    lastContactOn: text("last_contact_on"),
    nextContactOn: text("next_contact_on"),
    notes: text("notes"),
    /** When the client entered the unassigned pool (for "oldest first" nags). */
    unassignedSince: integer("unassigned_since"),
    /**
     * The handover the client came from (its owner was the leaver when it started, or a file named the
     * leaver as owner since): whatever path the client takes next — undo, the pool, /distribute, a new owner
     * by hand — its reactivation call uses that handover's terms and leaver, and /report counts it there,
     * while that handover is active. Not a foreign key: handovers reference clients' owners, and a rebuild
     * of this table must never cascade.
     */
    originHandoverId: integer("origin_handover_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // One index for "the team's clients of this owner" and "their next contacts": every owner change
    // (a 50,000-client distribution) maintains one B-tree instead of two.
    index("clients_team_owner_next_idx").on(t.teamId, t.ownerId, t.nextContactOn),
    index("clients_team_external_idx").on(t.teamId, t.externalId),
    index("clients_team_phone_idx").on(t.teamId, t.primaryPhone),
    index("clients_team_email_idx").on(t.teamId, t.email),
  ],
);

export type CommitmentKind = "promise" | "document" | "deadline";
export type CommitmentStatus = "open" | "done" | "cancelled";

/** A promise made to a client, a document owed, or a client deadline. */
export const commitments = sqliteTable(
  "commitments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    clientId: integer("client_id").notNull().references(() => clients.id),
    ownerId: integer("owner_id").references(() => members.id),
    kind: text("kind").$type<CommitmentKind>().notNull(),
    text: text("text").notNull(),
    dueOn: text("due_on"),
    status: text("status").$type<CommitmentStatus>().notNull().default("open"),
    handoverId: integer("handover_id"),
    createdAt: createdAt(),
    doneAt: integer("done_at"),
  },
  (t) => [
    index("commitments_client_idx").on(t.clientId),
    // The checklist counts the commitments recorded in a handover's interview on every redraw.
    index("commitments_handover_idx").on(t.handoverId, t.status),
    index("commitments_owner_due_idx").on(t.ownerId, t.status, t.dueOn),
    index("commitments_team_due_idx").on(t.teamId, t.status, t.dueOn),
  ],
);

/** A client's history: imports, owner changes, calls, notes. */
export const clientEvents = sqliteTable(
  "client_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    clientId: integer("client_id").notNull().references(() => clients.id),
    actorId: integer("actor_id").references(() => members.id),
    kind: text("kind").notNull(),
    /** Small JSON object with the facts of the event (ids, outcome, dates). */
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("client_events_client_idx").on(t.clientId, t.at)],
);

/** A file sent for import, parsed and waiting for the lead's confirmation. */
export const importBatches = sqliteTable("import_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  teamId: integer("team_id").notNull().references(() => teams.id),
  createdById: integer("created_by_id").notNull().references(() => members.id),
  fileName: text("file_name").notNull(),
  status: text("status").$type<"previewed" | "applied" | "cancelled">().notNull(),
  /** The parsed rows and problems, JSON; applied only after confirmation. */
  payload: text("payload").notNull(),
  createdAt: createdAt(),
  appliedAt: integer("applied_at"),
});
