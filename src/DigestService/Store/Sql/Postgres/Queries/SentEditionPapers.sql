-- The papers one digest carried, in the order sent, with their Why lines: what preview and "View in browser" show.
SELECT sp.why AS Why,
       p.arxiv_id AS ArxivId, p.title AS Title, p.abstract AS Abstract, p.authors AS Authors, p.upvotes AS Upvotes,
       p.comments AS Comments, p.ai_summary AS AiSummary, p.ai_keywords AS AiKeywords, p.github_repo AS GithubRepo,
       p.github_stars AS GithubStars, p.project_page AS ProjectPage, p.published_at AS PublishedAt,
       p.thumbnail AS Thumbnail, p.organization AS Organization, p.submitted_by AS SubmittedBy,
       p.first_listed_on AS FirstListedOn, p.last_listed_on AS LastListedOn
FROM sent_papers sp JOIN papers p ON p.arxiv_id = sp.arxiv_id
WHERE sp.subscriber_id = @SubscriberId AND sp.edition = @Edition
ORDER BY sp.position, sp.arxiv_id;
