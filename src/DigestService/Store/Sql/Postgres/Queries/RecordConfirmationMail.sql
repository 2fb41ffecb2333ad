-- Count a confirmation email against the address's daily allowance, in one statement so two racing forms cannot both pass.
INSERT INTO confirmation_mails (subscriber_id, sent_at)
SELECT @SubscriberId, @Now
WHERE (SELECT COUNT(*) FROM confirmation_mails WHERE subscriber_id = @SubscriberId AND sent_at > @Since) < @PerDay;
