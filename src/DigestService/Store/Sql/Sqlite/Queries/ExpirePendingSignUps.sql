-- Forget web sign-ups whose newest confirmation email is older than a link's lifetime (rows added by an operator,
-- which never had one, stay).
DELETE FROM subscribers
WHERE status = 'pending'
  AND id IN (SELECT subscriber_id FROM confirmation_mails GROUP BY subscriber_id HAVING MAX(sent_at) <= @Cutoff);
