-- Active subscribers with no outbox row yet for an edition, streamed in id order.
SELECT * FROM subscriber_rows r
WHERE r.Status = 'active'
  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscriber_id = r.Id AND d.edition = @Edition)
ORDER BY r.Id;
