-- digest_subscribers{status} and the daily counts: every status, zero included, so a gauge never vanishes.
SELECT st.status AS Status, (SELECT COUNT(*) FROM subscribers s WHERE s.status = st.status) AS Count
FROM (SELECT 'pending' AS status UNION ALL SELECT 'active' UNION ALL SELECT 'unsubscribed' UNION ALL SELECT 'bounced') st;
