-- The operator's counters, in the order `stats` prints them.
SELECT 'papers' AS Name, (SELECT COUNT(*) FROM papers) AS Value
UNION ALL SELECT 'subscribers', (SELECT COUNT(*) FROM subscribers)
UNION ALL SELECT 'active', (SELECT COUNT(*) FROM subscribers WHERE status = 'active')
UNION ALL SELECT 'pending', (SELECT COUNT(*) FROM subscribers WHERE status = 'pending')
UNION ALL SELECT 'unsubscribed', (SELECT COUNT(*) FROM subscribers WHERE status = 'unsubscribed')
UNION ALL SELECT 'bounced', (SELECT COUNT(*) FROM subscribers WHERE status = 'bounced')
UNION ALL SELECT 'deliveries', (SELECT COUNT(*) FROM deliveries)
UNION ALL SELECT 'sent', (SELECT COUNT(*) FROM deliveries WHERE state = 'sent')
UNION ALL SELECT 'failed', (SELECT COUNT(*) FROM deliveries WHERE state = 'failed');
