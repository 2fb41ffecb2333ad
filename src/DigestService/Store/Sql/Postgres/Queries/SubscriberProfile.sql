-- What one reader rated or seeded, newest first, with the stored title when we have the paper: the preferences page.
SELECT pp.paper_key AS PaperKey, pp.weight AS Weight, pp.source AS Source, COALESCE(p.title, pp.title, pp.paper_key) AS Title
FROM profile_papers pp LEFT JOIN papers p ON p.arxiv_id = pp.paper_key
WHERE pp.subscriber_id = @SubscriberId
ORDER BY pp.added_at DESC, pp.paper_key;
