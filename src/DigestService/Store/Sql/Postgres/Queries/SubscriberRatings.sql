-- "Download my data": what one subscriber rated from the email or seeded from a library, oldest first.
SELECT pp.paper_key AS PaperKey, CASE pp.weight WHEN 1 THEN 'more' ELSE 'less' END AS Direction, pp.source AS Source,
       COALESCE(p.title, pp.title) AS Title, pp.added_at AS AddedAt
FROM profile_papers pp LEFT JOIN papers p ON p.arxiv_id = pp.paper_key
WHERE pp.subscriber_id = @Id
ORDER BY pp.added_at, pp.paper_key;
