DROP INDEX `clients_team_owner_idx`;--> statement-breakpoint
DROP INDEX `clients_owner_next_idx`;--> statement-breakpoint
CREATE INDEX `clients_team_owner_next_idx` ON `clients` (`team_id`,`owner_id`,`next_contact_on`);