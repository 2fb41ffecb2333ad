-- Active subscribers with the newest edition they have an outbox row for: enough to tell who is due now.
SELECT r.*, (SELECT MAX(d.edition) FROM deliveries d WHERE d.subscriber_id = r.Id) AS LastEdition
FROM subscriber_rows r
WHERE r.Status = 'active'
ORDER BY r.Id;
