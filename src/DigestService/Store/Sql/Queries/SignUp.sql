-- The web form: a new, pending, unsubscribed or bounced address becomes pending with the chosen topics; an active
-- subscriber is left exactly as they are (an anonymous form must not change anyone's settings). The stored address is
-- returned: mail goes to it, not to another spelling of it that matched.
INSERT INTO subscribers (email, status, topics, time_zone, max_papers, created_at)
VALUES (@Email, 'pending', @Topics, @TimeZone, @DefaultMaxPapers, @Now)
ON CONFLICT (email) DO UPDATE SET
    status    = CASE WHEN subscribers.status = 'active' THEN 'active' ELSE 'pending' END,
    topics    = CASE WHEN subscribers.status = 'active' THEN subscribers.topics ELSE excluded.topics END,
    time_zone = CASE WHEN subscribers.status = 'active' THEN subscribers.time_zone ELSE excluded.time_zone END
RETURNING id AS Id, status AS Status, email AS Email;
