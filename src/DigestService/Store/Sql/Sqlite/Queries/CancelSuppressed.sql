-- Suppression is re-checked before sending: unsent rows of people who left or bounced are dropped, with their messages.
UPDATE deliveries
SET state = 'skipped', last_reply = 'suppressed: ' || (SELECT status FROM subscribers s WHERE s.id = deliveries.subscriber_id)
WHERE state IN ('queued', 'retry', 'sending')
  AND (state <> 'sending' OR lease_expires_at <= @Now)
  AND subscriber_id IN (SELECT id FROM subscribers WHERE status <> 'active');

DELETE FROM delivery_messages
WHERE delivery_id IN (SELECT id FROM deliveries WHERE state = 'skipped');
