-- Confirm, from a single-use link: the holder of the mailbox said yes.
UPDATE subscribers
SET status = 'active', confirmed_at = @Now, unsubscribed_at = NULL, hard_bounces = 0
WHERE id = @Id AND status <> 'active';
