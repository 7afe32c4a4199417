// Distributions: who gets which of a leaver's (or the pool's) clients.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";
import { teams, members } from "./team.js";
import { clients } from "./clients.js";
import { handovers } from "./handover.js";

/** 'applying': moved in steps right now, or interrupted by a crash (the scheduler finishes it). */
export type DistributionStatus = "proposed" | "applying" | "applied" | "undone" | "cancelled";

export const distributions = sqliteTable(
  "distributions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    handoverId: integer("handover_id").references(() => handovers.id),
    createdById: integer("created_by_id").notNull().references(() => members.id),
    status: text("status").$type<DistributionStatus>().notNull().default("proposed"),
    createdAt: createdAt(),
    appliedAt: integer("applied_at"),
    undoneAt: integer("undone_at"),
    /**
     * When the applied distribution's reactivation calls were scheduled and its new owners told: a second
     * transaction right after the apply, so the lead's apply stays short; null while that is pending (the
     * distribution-followups job finishes what a crash interrupted).
     */
    followedUpAt: integer("followed_up_at"),
  },
  (t) => [index("distributions_team_idx").on(t.teamId, t.status)],
);

export const distributionItems = sqliteTable(
  "distribution_items",
  {
    distributionId: integer("distribution_id").notNull().references(() => distributions.id),
    clientId: integer("client_id").notNull().references(() => clients.id),
    fromMemberId: integer("from_member_id").references(() => members.id),
    toMemberId: integer("to_member_id").notNull().references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.distributionId, t.clientId] })],
);
