-- People who had left (unsubscribed or bounced) and were signed up again without confirming go back to what they
-- were, so an anonymous form cannot erase a suppression by letting the row expire.
UPDATE subscribers
SET status = CASE WHEN hard_bounces > 0 THEN 'bounced' ELSE 'unsubscribed' END
WHERE status = 'pending'
  AND (unsubscribed_at IS NOT NULL OR hard_bounces > 0)
  AND id IN (SELECT subscriber_id FROM confirmation_mails GROUP BY subscriber_id HAVING MAX(sent_at) <= @Cutoff);
