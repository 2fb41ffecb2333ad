-- The candidates of an edition: every paper listed in its window, with the search id its full-text matches carry.
SELECT i.doc_id AS DocId,
       p.arxiv_id AS ArxivId, p.title AS Title, p.abstract AS Abstract, p.authors AS Authors, p.upvotes AS Upvotes,
       p.comments AS Comments, p.ai_summary AS AiSummary, p.ai_keywords AS AiKeywords, p.github_repo AS GithubRepo,
       p.github_stars AS GithubStars, p.project_page AS ProjectPage, p.published_at AS PublishedAt,
       p.thumbnail AS Thumbnail, p.organization AS Organization, p.submitted_by AS SubmittedBy,
       p.first_listed_on AS FirstListedOn, p.last_listed_on AS LastListedOn
FROM papers p JOIN paper_search_ids i ON i.arxiv_id = p.arxiv_id
WHERE p.arxiv_id IN (SELECT arxiv_id FROM sightings WHERE listed_on BETWEEN @From AND @To)
ORDER BY i.doc_id;
