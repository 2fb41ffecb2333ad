-- Remember each paper a subscriber got, by bare arXiv id, so a re-listed paper never reaches them twice.
INSERT INTO sent_papers (subscriber_id, arxiv_id, edition) VALUES (@SubscriberId, @ArxivId, @Edition)
ON CONFLICT (subscriber_id, arxiv_id) DO NOTHING;
