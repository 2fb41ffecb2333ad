-- When the oldest sign-up of an address within the hour was: the limit lifts an hour after it (Retry-After).
SELECT MIN(at) FROM sign_up_attempts WHERE address_hash = @Hash AND at > @Since;
