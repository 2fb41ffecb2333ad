-- One row per paper, whichever day lists it: text is never blanked, counters come from the newest listing.
INSERT INTO papers (arxiv_id, title, abstract, authors, upvotes, comments, ai_summary, ai_keywords,
                    github_repo, github_stars, project_page, published_at, categories, thumbnail, organization, submitted_by,
                    first_listed_on, last_listed_on, first_seen_at, updated_at)
VALUES (@ArxivId, @Title, @Abstract, @Authors, COALESCE(@Upvotes, 0), COALESCE(@Comments, 0), @AiSummary, @AiKeywords,
        @GithubRepo, @GithubStars, @ProjectPage, @PublishedAt, @Categories, @Thumbnail, @Organization, @SubmittedBy,
        @ListedOn, @ListedOn, @Now, @Now)
ON CONFLICT (arxiv_id) DO UPDATE SET
    title        = CASE WHEN excluded.title <> '' THEN excluded.title ELSE papers.title END,
    abstract     = CASE WHEN excluded.abstract <> '' THEN excluded.abstract ELSE papers.abstract END,
    authors      = CASE WHEN excluded.authors <> '[]' THEN excluded.authors ELSE papers.authors END,
    upvotes      = CASE WHEN @Upvotes IS NULL THEN papers.upvotes
                        WHEN excluded.last_listed_on >= papers.last_listed_on THEN excluded.upvotes
                        ELSE max(papers.upvotes, excluded.upvotes) END,
    comments     = CASE WHEN @Comments IS NULL THEN papers.comments
                        WHEN excluded.last_listed_on >= papers.last_listed_on THEN excluded.comments
                        ELSE max(papers.comments, excluded.comments) END,
    ai_summary   = COALESCE(excluded.ai_summary, papers.ai_summary),
    ai_keywords  = COALESCE(excluded.ai_keywords, papers.ai_keywords),
    github_repo  = COALESCE(excluded.github_repo, papers.github_repo),
    github_stars = COALESCE(excluded.github_stars, papers.github_stars),
    project_page = COALESCE(excluded.project_page, papers.project_page),
    published_at = COALESCE(papers.published_at, excluded.published_at),
    categories   = COALESCE(excluded.categories, papers.categories),
    thumbnail    = COALESCE(excluded.thumbnail, papers.thumbnail),
    organization = COALESCE(excluded.organization, papers.organization),
    submitted_by = COALESCE(excluded.submitted_by, papers.submitted_by),
    first_listed_on = min(papers.first_listed_on, excluded.first_listed_on),
    last_listed_on  = max(papers.last_listed_on, excluded.last_listed_on),
    updated_at   = excluded.updated_at;
