-- Active subscribers with the newest edition they have an outbox row for, one page in id order (keyset: Id > @After).
SELECT r.*, (SELECT MAX(d.edition) FROM deliveries d WHERE d.subscriber_id = r.Id) AS LastEdition
FROM subscriber_rows r
WHERE r.Status = 'active'
  AND r.Id > @After
ORDER BY r.Id
LIMIT @Page;
