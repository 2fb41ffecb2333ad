-- "Download my data": the papers one subscriber was sent, by edition.
SELECT arxiv_id AS ArxivId, edition AS Edition FROM sent_papers WHERE subscriber_id = @Id ORDER BY edition, arxiv_id;
