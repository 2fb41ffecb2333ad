-- The stored text of every paper some active reader rated or seeded by id: each learned from once per send run.
SELECT p.arxiv_id AS ArxivId, p.title AS Title, p.abstract AS Abstract, p.ai_keywords AS AiKeywords
FROM papers p
WHERE p.arxiv_id IN (SELECT pp.paper_key FROM profile_papers pp JOIN subscribers s ON s.id = pp.subscriber_id
                     WHERE s.status = 'active' AND pp.title IS NULL);
