-- The rendered message of a queued delivery, kept apart from the row that changes on every attempt.
INSERT INTO delivery_messages (delivery_id, message) VALUES (@DeliveryId, @Message);
