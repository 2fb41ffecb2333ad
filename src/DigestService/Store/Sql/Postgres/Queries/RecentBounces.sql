-- The dashboard's recent bounces and complaints: deliveries refused for good, late bounce reports and complaints
-- (feedback-loop reports), newest first.
SELECT * FROM (
    SELECT COALESCE(d.sent_at, d.created_at) AS At, s.email AS Email, d.state AS Kind, COALESCE(d.last_reply, '') AS Detail
    FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.state IN ('bounced', 'failed')
    UNION ALL
    SELECT received_at, recipient, 'bounce report', status FROM bounce_reports
    UNION ALL
    SELECT c.at, s.email, 'complaint', c.reason
    FROM status_changes c JOIN subscribers s ON s.id = c.subscriber_id
    WHERE c.source = 'complaint') AS recent
ORDER BY At DESC LIMIT @Limit;
