-- Count a sign-up of an address against RateLimits:SubscribePerAddressPerHour; inserts nothing when the hour's share is used.
INSERT INTO sign_up_attempts (address_hash, at)
SELECT @Hash, @Now
WHERE (SELECT COUNT(*) FROM sign_up_attempts WHERE address_hash = @Hash AND at > @Since) < @PerHour;
