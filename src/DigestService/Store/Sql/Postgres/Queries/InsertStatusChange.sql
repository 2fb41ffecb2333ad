-- The audit trail: one row per change of a subscriber's status, with who made it and why.
INSERT INTO status_changes (subscriber_id, old_status, new_status, source, reason, at)
VALUES (@SubscriberId, @OldStatus, @NewStatus, @Source, @Reason, @Now);
