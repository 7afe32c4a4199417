// All tables in one place. Dates a person thinks of as "a day" (last day, next contact, due date) are
// stored as team-local 'YYYY-MM-DD' text; instants are epoch milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

const createdAt = () => integer("created_at", { mode: "number" }).notNull();

/** Anyone who ever wrote to the bot: their language choice lives here, team or not. */
export const users = sqliteTable("users", {
  telegramId: integer("telegram_id").primaryKey(),
  firstName: text("first_name"),
  username: text("username"),
  languageCode: text("language_code"),
  /** Set by /language; overrides the Telegram client's language. */
  locale: text("locale"),
  updatedAt: integer("updated_at").notNull(),
});

export const teams = sqliteTable("teams", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  groupChatId: integer("group_chat_id").unique(),
  managerInviteToken: text("manager_invite_token").notNull().unique(),
  leadInviteToken: text("lead_invite_token").notNull().unique(),
  digestHour: integer("digest_hour").notNull().default(9),
  afternoonNagHour: integer("afternoon_nag_hour").notNull().default(15),
  workStartHour: integer("work_start_hour").notNull().default(9),
  workEndHour: integer("work_end_hour").notNull().default(19),
  /** ISO weekdays, comma separated: "1,2,3,4,5". */
  workingDays: text("working_days").notNull().default("1,2,3,4,5"),
  campaignDays: integer("campaign_days").notNull().default(5),
  maxCallsPerDay: integer("max_calls_per_day").notNull().default(20),
  managerCap: integer("manager_cap"),
  deadlineWindowHours: integer("deadline_window_hours").notNull().default(24),
  /** The leads' Monday picture of the open handovers (src/reports/charts/weekly-job.ts). */
  weeklyPicture: integer("weekly_picture", { mode: "boolean" }).notNull().default(true),
  /** De-starring: a touch older than this many months no longer makes its author a voice. */
  starsWindowMonths: integer("stars_window_months").notNull().default(12),
  /** De-starring: the weekly planning runs on this ISO weekday at this hour (team-local). */
  starsPlanDay: integer("stars_plan_day").notNull().default(1),
  starsPlanHour: integer("stars_plan_hour").notNull().default(9),
  /** De-starring: second-voice touches a member gets a week unless their own cap says otherwise. */
  starsWeeklyCap: integer("stars_weekly_cap").notNull().default(5),
  starsPaused: integer("stars_paused", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export type MemberRole = "lead" | "manager";
export type StarsRole = "trainee" | "quality";
export type MemberStatus = "active" | "departing" | "left";
export type Reachability = "unknown" | "ok" | "never_started" | "blocked";

export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    /** Null for a member known by name only (e.g. an owner from an import who never opened the bot). */
    telegramId: integer("telegram_id").unique(),
    username: text("username"),
    name: text("name").notNull(),
    role: text("role").$type<MemberRole>().notNull(),
    status: text("status").$type<MemberStatus>().notNull().default("active"),
    weight: real("weight").notNull().default(1),
    excluded: integer("excluded", { mode: "boolean" }).notNull().default(false),
    reachability: text("reachability").$type<Reachability>().notNull().default("unknown"),
    unreachableReportedAt: integer("unreachable_reported_at"),
    /** De-starring: this member's weekly cap of second-voice touches (null: the team's; 0: opted out). */
    starsCap: integer("stars_cap"),
    /** De-starring: a trainee or quality caller gets more second-voice touches. */
    starsRole: text("stars_role").$type<StarsRole>(),
    createdAt: createdAt(),
  },
  (t) => [index("members_team_idx").on(t.teamId)],
);

export type JoinRequestStatus = "pending" | "accepted" | "declined";

/** Someone who opened the co-lead link: they become a lead only when a lead accepts. */
export const joinRequests = sqliteTable(
  "join_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    telegramId: integer("telegram_id").notNull(),
    username: text("username"),
    name: text("name").notNull(),
    status: text("status").$type<JoinRequestStatus>().notNull().default("pending"),
    decidedById: integer("decided_by_id").references(() => members.id),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("join_requests_team_idx").on(t.teamId, t.status)],
);

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
  (t) => [
    index("handovers_team_idx").on(t.teamId, t.status),
    // Every tap on client data asks whether the member is leaving (leaver-access.ts, calls.ts).
    index("handovers_leaver_idx").on(t.leaverId, t.status),
  ],
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

/** Who changed what, when: shown under a handover's "History". */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").notNull().references(() => teams.id),
    handoverId: integer("handover_id").references(() => handovers.id),
    actorId: integer("actor_id").references(() => members.id),
    action: text("action").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_handover_idx").on(t.handoverId, t.at)],
);

export type DistributionStatus = "proposed" | "applied" | "undone" | "cancelled";

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

/** dropped: not sent on purpose (the recipient is leaving the team), shown in /status. */
export type NotificationStatus = "pending" | "sent" | "failed" | "dropped";

/** Transactional outbox: written in the transaction that decides a message, drained by the sender. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").references(() => teams.id),
    memberId: integer("member_id").references(() => members.id),
    chatId: integer("chat_id").notNull(),
    /** Same key twice = the same message: the second is ignored. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind").notNull(),
    /** The Bot API method and its parameters (minus chat_id), JSON. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<NotificationStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    notBefore: integer("not_before").notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("notifications_pending_idx").on(t.status, t.notBefore)],
);

/** The last run of each scheduled job per team, so runs missed while down are made up once. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    teamId: integer("team_id").notNull(),
    /** The slot that ran, e.g. '2026-11-23' for a daily job, '2026-11-23T15' for an hourly one. */
    lastSlot: text("last_slot").notNull(),
    ranAt: integer("ran_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.teamId] })],
);

/** Conversation state for @grammyjs/conversations, so a restart does not lose a dialogue. */
export const conversationState = sqliteTable("conversation_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});


/**
 * Every update from Telegram, written down before it is handled and marked when its handling (dialogue
 * state included) is done. Long polling confirms updates before the bot has handled them, so a crash could
 * lose a person's answer; and after a stop Telegram sends the last updates again, which must not be
 * answered twice. At start the bot handles what was received and not finished.
 */
export const receivedUpdates = sqliteTable("received_updates", {
  updateId: integer("update_id").primaryKey(),
  payload: text("payload").notNull(),
  receivedAt: integer("received_at").notNull(),
  handledAt: integer("handled_at"),
});
