-- Remember each paper a subscriber got, by bare arXiv id, so a re-listed paper never reaches them twice; with its place and Why line in that digest.
INSERT INTO sent_papers (subscriber_id, arxiv_id, edition, position, why) VALUES (@SubscriberId, @ArxivId, @Edition, @Position, @Why)
ON CONFLICT (subscriber_id, arxiv_id) DO NOTHING;
