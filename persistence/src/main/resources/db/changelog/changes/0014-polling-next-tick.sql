--liquibase formatted sql

--changeset invoicing:0014-polling-next-tick
-- When the scanner's next cycle is due, as it schedules it after each cycle: an invoice's
-- next_check_at and /api/polling-stats both read it (issue 18: next_check_at went stale).
ALTER TABLE polling_log ADD COLUMN next_tick_at TIMESTAMPTZ;
--rollback ALTER TABLE polling_log DROP COLUMN next_tick_at;
