ALTER TABLE `calls` ADD `promised_on` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `promised_time` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `origin_handover_id` integer;