-- The web form for an address we do not know yet: a pending subscriber. A known address is left exactly as it is
-- (an anonymous form must not change anyone); what the form asked for waits in the confirmation request.
INSERT INTO subscribers (email, status, topics, time_zone, max_papers, created_at)
VALUES (@Email, 'pending', @Topics, @TimeZone, @DefaultMaxPapers, @Now)
ON CONFLICT (ascii_fold(email)) DO NOTHING;
