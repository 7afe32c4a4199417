ALTER TABLE `distributions` ADD `followed_up_at` integer;--> statement-breakpoint
-- Distributions applied before this column existed had their calls and messages written with the apply.
UPDATE `distributions` SET `followed_up_at` = `applied_at` WHERE `applied_at` IS NOT NULL;
