CREATE TABLE `dialogue_focus` (
	`chat_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`token` text NOT NULL,
	`since` integer NOT NULL,
	PRIMARY KEY(`chat_id`, `user_id`, `token`)
);
