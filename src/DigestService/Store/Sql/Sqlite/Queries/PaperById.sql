-- One stored paper, as the feedback page shows it.
SELECT arxiv_id AS ArxivId, title AS Title, abstract AS Abstract, authors AS Authors, upvotes AS Upvotes, comments AS Comments,
       ai_summary AS AiSummary, ai_keywords AS AiKeywords, github_repo AS GithubRepo, github_stars AS GithubStars,
       project_page AS ProjectPage, published_at AS PublishedAt, thumbnail AS Thumbnail, organization AS Organization, submitted_by AS SubmittedBy,
       first_listed_on AS FirstListedOn, last_listed_on AS LastListedOn
FROM papers WHERE arxiv_id = @ArxivId;
