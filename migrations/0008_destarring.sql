CREATE TABLE `client_voices` (
	`team_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`last_touch_at` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`client_id`, `member_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_voices_team_idx` ON `client_voices` (`team_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `star_snapshots` (
	`team_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`week` text NOT NULL,
	`clients` integer NOT NULL,
	`single_voice` integer NOT NULL,
	PRIMARY KEY(`team_id`, `week`, `member_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `touch_kind` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `plan_week` text;--> statement-breakpoint
ALTER TABLE `members` ADD `stars_cap` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `stars_role` text;--> statement-breakpoint
ALTER TABLE `teams` ADD `stars_window_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `stars_plan_day` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `stars_plan_hour` integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `stars_weekly_cap` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `stars_paused` integer DEFAULT false NOT NULL;