-- A late bounce report is believed only when it names a digest we really sent to that subscriber.
SELECT id FROM deliveries WHERE message_id = @MessageId AND subscriber_id = @SubscriberId;
