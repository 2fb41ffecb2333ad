-- "Download my data": when confirmation emails went to this subscriber.
SELECT sent_at FROM confirmation_mails WHERE subscriber_id = @Id ORDER BY sent_at;
