-- Unsubscribe; a second time changes nothing (RFC 8058 clients may retry).
UPDATE subscribers
SET status = 'unsubscribed', unsubscribed_at = @Now
WHERE id = @Id AND status <> 'unsubscribed';
