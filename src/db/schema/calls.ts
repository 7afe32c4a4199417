// Calls (reactivation, ordinary, second-voice touches), the voices they leave, star snapshots, scripts.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.js";
import { teams, members } from "./team.js";
import { clients } from "./clients.js";
import { handovers, type Terms } from "./handover.js";
import { distributions } from "./distribution.js";

export type CallKind = "reactivation" | "ordinary" | "second_voice";
/** What kind of second-voice touch a call is: a colleague's or trainee's, a quality check, the lead's. */
export type TouchKind = "colleague" | "quality" | "lead";
export type CallStatus = "open" | "reached" | "lost" | "cancelled";
export type LostReason = "went_with_leaver" | "competitor" | "no_need" | "other";

export const calls = sqliteTable(
  "calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    clientId: integer("client_id").notNull().references(() => clients.id),
    assigneeId: integer("assignee_id").notNull().references(() => members.id),
    handoverId: integer("handover_id").references(() => handovers.id),
    distributionId: integer("distribution_id").references(() => distributions.id),
    kind: text("kind").$type<CallKind>().notNull(),
    /** For second-voice calls: which kind of touch (its script). */
    touchKind: text("touch_kind").$type<TouchKind>(),
    /** For second-voice calls: the week ('YYYY-MM-DD' of its Monday) whose plan made it. */
    planWeek: text("plan_week"),
    dueOn: text("due_on").notNull(),
    /** 'HH:mm' local, when the client asked to be called back at a time. */
    dueTime: text("due_time"),
    /**
     * A call promised to the client (an ordinary call back) that a reactivation call was merged into: one
     * open call per client. Its own day and time are kept here, so undoing the distribution gives it back.
     */
    promisedOn: text("promised_on"),
    promisedTime: text("promised_time"),
    status: text("status").$type<CallStatus>().notNull().default("open"),
    attempts: integer("attempts").notNull().default(0),
    lostReason: text("lost_reason").$type<LostReason>(),
    note: text("note"),
    nextContactOn: text("next_contact_on"),
    resolvedById: integer("resolved_by_id").references(() => members.id),
    resolvedAt: integer("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("calls_assignee_due_idx").on(t.assigneeId, t.status, t.dueOn),
    index("calls_team_status_idx").on(t.teamId, t.status, t.dueOn),
    // With the kind, a checklist's reactivation progress is counted from the index alone (no row reads).
    index("calls_handover_idx").on(t.handoverId, t.status, t.kind),
    // The client card and the daily list ask "does this client have an open call?".
    index("calls_client_idx").on(t.clientId, t.status),
  ],
);

/**
 * De-starring: who of the team has a voice with a client — the latest recorded touch (call outcome, note,
 * an import's "other managers" column) per client and member. A voice counts while its touch is younger
 * than the team's window.
 */
export const clientVoices = sqliteTable(
  "client_voices",
  {
    teamId: integer("team_id").notNull().references(() => teams.id),
    clientId: integer("client_id").notNull().references(() => clients.id),
    memberId: integer("member_id").notNull().references(() => members.id),
    lastTouchAt: integer("last_touch_at").notNull(),
    /** How the latest touch was recorded: 'call', 'note', 'import'. */
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.memberId] }), index("client_voices_team_idx").on(t.teamId, t.memberId)],
);

/** De-starring: each manager's star index per week, written by the weekly planning (the 8-week trend). */
export const starSnapshots = sqliteTable(
  "star_snapshots",
  {
    teamId: integer("team_id").notNull().references(() => teams.id),
    memberId: integer("member_id").notNull().references(() => members.id),
    /** Monday of the week, team-local 'YYYY-MM-DD'. */
    week: text("week").notNull(),
    clients: integer("clients").notNull(),
    singleVoice: integer("single_voice").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.week, t.memberId] })],
);

/** A team's own call script wording; absent means the built-in text. */
export const callScripts = sqliteTable(
  "call_scripts",
  {
    teamId: integer("team_id").notNull().references(() => teams.id),
    terms: text("terms").$type<Terms>().notNull(),
    locale: text("locale").notNull(),
    text: text("text").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.terms, t.locale] })],
);
