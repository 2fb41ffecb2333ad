-- The listing history, up to the edition date, of the papers in its window: the trending score grows from it.
SELECT s.arxiv_id AS ArxivId, s.listed_on AS ListedOn, s.upvotes AS Upvotes
FROM sightings s
WHERE s.arxiv_id IN (SELECT arxiv_id FROM sightings WHERE listed_on BETWEEN @From AND @To)
  AND s.listed_on <= @To
ORDER BY s.arxiv_id, s.listed_on;
