// Handovers (one leaver's offboarding) and their checklists.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";
import { teams, members, type MemberStatus } from "./team.js";

export type Terms = "good" | "bad";
export type HandoverStatus = "active" | "closed" | "cancelled";

/** One leaver's offboarding. */
export const handovers = sqliteTable(
  "handovers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    leaverId: integer("leaver_id").notNull().references(() => members.id),
    startedById: integer("started_by_id").notNull().references(() => members.id),
    terms: text("terms").$type<Terms>().notNull(),
    lastDay: text("last_day").notNull(),
    status: text("status").$type<HandoverStatus>().notNull().default("active"),
    /** Where the checklist message lives, so it can be edited in place. */
    checklistChatId: integer("checklist_chat_id"),
    checklistMessageId: integer("checklist_message_id"),
    leaverPreviousStatus: text("leaver_previous_status").$type<MemberStatus>(),
    createdAt: createdAt(),
    closedAt: integer("closed_at"),
  },
  (t) => [index("handovers_team_idx").on(t.teamId, t.status)],
);

export type StepKind =
  | "stop_routing"
  | "revoke_access"
  | "interview"
  | "redistribute"
  | "reactivation"
  | "crm_update"
  | "final_check"
  | "custom";

/** The team's checklist template; a handover copies it when it starts. */
export const checklistTemplateSteps = sqliteTable(
  "checklist_template_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    position: integer("position").notNull(),
    kind: text("kind").$type<StepKind>().notNull(),
    /** Custom wording; null means the built-in text for the kind, in the reader's language. */
    title: text("title"),
    /** Due date relative to the last working day. */
    offsetDays: integer("offset_days").notNull(),
  },
  (t) => [index("template_team_idx").on(t.teamId, t.position)],
);

export type StepStatus = "open" | "done" | "skipped";

export const checklistSteps = sqliteTable(
  "checklist_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    handoverId: integer("handover_id").notNull().references(() => handovers.id),
    position: integer("position").notNull(),
    kind: text("kind").$type<StepKind>().notNull(),
    title: text("title"),
    responsibleId: integer("responsible_id").references(() => members.id),
    dueOn: text("due_on").notNull(),
    status: text("status").$type<StepStatus>().notNull().default("open"),
    skipReason: text("skip_reason"),
    completedById: integer("completed_by_id").references(() => members.id),
    completedAt: integer("completed_at"),
  },
  (t) => [index("steps_handover_idx").on(t.handoverId, t.position)],
);
