DROP INDEX `calls_handover_idx`;--> statement-breakpoint
CREATE INDEX `calls_handover_idx` ON `calls` (`handover_id`,`status`,`kind`);--> statement-breakpoint
CREATE INDEX `commitments_handover_idx` ON `commitments` (`handover_id`,`status`);