-- Two nodes counting the same address's sign-ups or confirmation emails take turns: a transaction advisory lock on
-- the key, held until the count and the insert commit, so both cannot pass the limit at once.
SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0));
