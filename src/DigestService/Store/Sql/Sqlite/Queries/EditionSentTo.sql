-- Who already had each paper of an edition's window (search id, subscriber id): read once per edition, not per subscriber.
SELECT i.doc_id, sp.subscriber_id
FROM sent_papers sp JOIN paper_search_ids i ON i.arxiv_id = sp.arxiv_id
WHERE sp.arxiv_id IN (SELECT arxiv_id FROM sightings WHERE listed_on BETWEEN @From AND @To);
