CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`handover_id` integer,
	`actor_id` integer,
	`action` text NOT NULL,
	`details` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_handover_idx` ON `audit_log` (`handover_id`,`at`);--> statement-breakpoint
CREATE TABLE `call_scripts` (
	`team_id` integer NOT NULL,
	`terms` text NOT NULL,
	`locale` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `terms`, `locale`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`assignee_id` integer NOT NULL,
	`handover_id` integer,
	`distribution_id` integer,
	`kind` text NOT NULL,
	`due_on` text NOT NULL,
	`due_time` text,
	`status` text DEFAULT 'open' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lost_reason` text,
	`note` text,
	`next_contact_on` text,
	`resolved_by_id` integer,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`distribution_id`) REFERENCES `distributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_assignee_due_idx` ON `calls` (`assignee_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `calls_team_status_idx` ON `calls` (`team_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `calls_handover_idx` ON `calls` (`handover_id`,`status`);--> statement-breakpoint
CREATE TABLE `checklist_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handover_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`responsible_id` integer,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`skip_reason` text,
	`completed_by_id` integer,
	`completed_at` integer,
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `steps_handover_idx` ON `checklist_steps` (`handover_id`,`position`);--> statement-breakpoint
CREATE TABLE `checklist_template_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`offset_days` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `template_team_idx` ON `checklist_template_steps` (`team_id`,`position`);--> statement-breakpoint
CREATE TABLE `client_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`details` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_events_client_idx` ON `client_events` (`client_id`,`at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`company` text,
	`phones` text DEFAULT '[]' NOT NULL,
	`primary_phone` text,
	`email` text,
	`owner_id` integer,
	`previous_owner_id` integer,
	`temperature` text DEFAULT 'warm' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`last_contact_on` text,
	`next_contact_on` text,
	`notes` text,
	`unassigned_since` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_owner_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clients_team_owner_idx` ON `clients` (`team_id`,`owner_id`);--> statement-breakpoint
CREATE INDEX `clients_owner_next_idx` ON `clients` (`owner_id`,`next_contact_on`);--> statement-breakpoint
CREATE INDEX `clients_team_external_idx` ON `clients` (`team_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `clients_team_phone_idx` ON `clients` (`team_id`,`primary_phone`);--> statement-breakpoint
CREATE INDEX `clients_team_email_idx` ON `clients` (`team_id`,`email`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`owner_id` integer,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`handover_id` integer,
	`created_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_client_idx` ON `commitments` (`client_id`);--> statement-breakpoint
CREATE INDEX `commitments_owner_due_idx` ON `commitments` (`owner_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `commitments_team_due_idx` ON `commitments` (`team_id`,`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `conversation_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `distribution_items` (
	`distribution_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`from_member_id` integer,
	`to_member_id` integer NOT NULL,
	PRIMARY KEY(`distribution_id`, `client_id`),
	FOREIGN KEY (`distribution_id`) REFERENCES `distributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `distributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`handover_id` integer,
	`created_by_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`created_at` integer NOT NULL,
	`applied_at` integer,
	`undone_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handover_id`) REFERENCES `handovers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distributions_team_idx` ON `distributions` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`leaver_id` integer NOT NULL,
	`started_by_id` integer NOT NULL,
	`terms` text NOT NULL,
	`last_day` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`checklist_chat_id` integer,
	`checklist_message_id` integer,
	`leaver_previous_status` text,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leaver_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handovers_team_idx` ON `handovers` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`created_by_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`applied_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`team_id` integer NOT NULL,
	`last_slot` text NOT NULL,
	`ran_at` integer NOT NULL,
	PRIMARY KEY(`job`, `team_id`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`telegram_id` integer,
	`username` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`excluded` integer DEFAULT false NOT NULL,
	`reachability` text DEFAULT 'unknown' NOT NULL,
	`unreachable_reported_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_telegram_id_unique` ON `members` (`telegram_id`);--> statement-breakpoint
CREATE INDEX `members_team_idx` ON `members` (`team_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer,
	`member_id` integer,
	`chat_id` integer NOT NULL,
	`dedupe_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_pending_idx` ON `notifications` (`status`,`not_before`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`timezone` text NOT NULL,
	`group_chat_id` integer,
	`manager_invite_token` text NOT NULL,
	`lead_invite_token` text NOT NULL,
	`digest_hour` integer DEFAULT 9 NOT NULL,
	`afternoon_nag_hour` integer DEFAULT 15 NOT NULL,
	`work_start_hour` integer DEFAULT 9 NOT NULL,
	`work_end_hour` integer DEFAULT 19 NOT NULL,
	`working_days` text DEFAULT '1,2,3,4,5' NOT NULL,
	`campaign_days` integer DEFAULT 5 NOT NULL,
	`max_calls_per_day` integer DEFAULT 20 NOT NULL,
	`manager_cap` integer,
	`deadline_window_hours` integer DEFAULT 24 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_group_chat_id_unique` ON `teams` (`group_chat_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_manager_invite_token_unique` ON `teams` (`manager_invite_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_lead_invite_token_unique` ON `teams` (`lead_invite_token`);--> statement-breakpoint
CREATE TABLE `users` (
	`telegram_id` integer PRIMARY KEY NOT NULL,
	`first_name` text,
	`username` text,
	`language_code` text,
	`locale` text,
	`updated_at` integer NOT NULL
);
