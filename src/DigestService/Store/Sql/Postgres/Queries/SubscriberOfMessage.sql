-- A complaint names the digest it is about by Message-ID (random, so unguessable): that digest's subscriber.
SELECT subscriber_id FROM deliveries WHERE message_id = @MessageId;
