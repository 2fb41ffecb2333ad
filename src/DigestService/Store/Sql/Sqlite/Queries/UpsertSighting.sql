-- The (paper, listing day) history with the upvotes seen that day: what the trending score grows from.
INSERT INTO sightings (arxiv_id, listed_on, upvotes, source, seen_at)
VALUES (@ArxivId, @ListedOn, COALESCE(@Upvotes, 0), @Source, @Now)
ON CONFLICT (arxiv_id, listed_on) DO UPDATE SET
    upvotes = CASE WHEN @Upvotes IS NULL THEN sightings.upvotes ELSE excluded.upvotes END,
    seen_at = excluded.seen_at;
