-- A reader's "more"/"less" on a paper: the latest choice counts, and saying the same again changes nothing.
INSERT INTO profile_papers (subscriber_id, paper_key, weight, source, title, body, added_at)
VALUES (@SubscriberId, @ArxivId, @Weight, 'rating', NULL, NULL, @Now)
ON CONFLICT (subscriber_id, paper_key) DO UPDATE SET
    added_at = CASE WHEN profile_papers.weight = excluded.weight AND profile_papers.source = 'rating' THEN profile_papers.added_at ELSE excluded.added_at END,
    weight = excluded.weight,
    source = 'rating',
    title = NULL,
    body = NULL;
