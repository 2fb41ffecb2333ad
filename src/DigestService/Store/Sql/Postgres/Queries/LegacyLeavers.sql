-- Once, after the suppression list arrived: everyone who had left, to put on it. People who had left and were signed
-- up again without confirming (a sign-up used to make them pending) count as what they were.
SELECT id AS Id, email AS Email,
       CASE WHEN status = 'pending' THEN (CASE WHEN hard_bounces > 0 THEN 'bounced' ELSE 'unsubscribed' END) ELSE status END AS Status
FROM subscribers
WHERE status IN ('unsubscribed', 'bounced') OR (status = 'pending' AND (unsubscribed_at IS NOT NULL OR hard_bounces > 0));
