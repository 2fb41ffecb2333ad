-- A delivery accepted by the server but reported undeliverable later is marked bounced, with the report's status.
UPDATE deliveries
SET state = 'bounced', last_reply = @Reply
WHERE message_id = @MessageId AND subscriber_id = @SubscriberId AND state = 'sent';
