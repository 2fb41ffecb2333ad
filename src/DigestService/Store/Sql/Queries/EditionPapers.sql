-- The edition of a date: papers listed in the window ending at it that this subscriber has not had, best first.
SELECT p.arxiv_id AS ArxivId, p.title AS Title, p.abstract AS Abstract, p.authors AS Authors, p.upvotes AS Upvotes,
       p.comments AS Comments, p.ai_summary AS AiSummary, p.ai_keywords AS AiKeywords, p.github_repo AS GithubRepo,
       p.github_stars AS GithubStars, p.project_page AS ProjectPage, p.published_at AS PublishedAt,
       p.first_listed_on AS FirstListedOn, p.last_listed_on AS LastListedOn
FROM papers p
WHERE EXISTS (SELECT 1 FROM sightings s WHERE s.arxiv_id = p.arxiv_id AND s.listed_on BETWEEN @From AND @To)
  AND NOT EXISTS (SELECT 1 FROM sent_papers sp WHERE sp.subscriber_id = @SubscriberId AND sp.arxiv_id = p.arxiv_id)
ORDER BY p.upvotes DESC, p.last_listed_on DESC, p.arxiv_id
LIMIT @Limit;
