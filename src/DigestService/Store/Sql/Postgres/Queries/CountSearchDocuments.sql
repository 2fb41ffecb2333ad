-- How many papers the full-text index holds: the N of inverse document frequency.
SELECT COUNT(*) FROM paper_search_ids;
