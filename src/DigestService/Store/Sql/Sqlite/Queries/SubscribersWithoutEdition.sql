-- Active, unpaused subscribers with no outbox row yet for an edition, one page in id order (keyset: Id > @After).
SELECT * FROM subscriber_rows r
WHERE r.Status = 'active'
  AND r.Id > @After
  AND (r.PausedUntil IS NULL OR r.PausedUntil <= @Now)
  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscriber_id = r.Id AND d.edition = @Edition)
ORDER BY r.Id
LIMIT @Page;
