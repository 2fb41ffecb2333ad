-- "Download my data": every digest delivery of one subscriber.
SELECT edition AS Edition, state AS State, message_id AS MessageId, paper_count AS PaperCount, attempts AS Attempts,
       created_at AS CreatedAt, sent_at AS SentAt, last_reply AS LastReply
FROM deliveries WHERE subscriber_id = @Id ORDER BY edition;
