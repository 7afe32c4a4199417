ALTER TABLE `calls` ADD `promised_on` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `promised_time` text;