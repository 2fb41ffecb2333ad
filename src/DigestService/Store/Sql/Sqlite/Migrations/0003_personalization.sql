-- Personalization: a full-text index (FTS5) over each paper's title, abstract and AI keywords, kept in step with
-- the papers table by triggers, and an index to find who already had the papers of an edition's window.

-- The FTS5 rowid must be a stable integer: papers is keyed by text, and its implicit rowid may change on VACUUM.
CREATE TABLE paper_search_ids (
    doc_id   INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL UNIQUE
);

-- unicode61 without stemming: a keyword matches words that contain it as written (see FtsQuery), not look-alike stems.
CREATE VIRTUAL TABLE paper_search USING fts5(title, abstract, keywords, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO paper_search_ids (arxiv_id) SELECT arxiv_id FROM papers ORDER BY first_seen_at, arxiv_id;
INSERT INTO paper_search (rowid, title, abstract, keywords)
SELECT i.doc_id, p.title, p.abstract, COALESCE(p.ai_keywords, '')
FROM papers p JOIN paper_search_ids i ON i.arxiv_id = p.arxiv_id;

CREATE TRIGGER paper_search_insert AFTER INSERT ON papers BEGIN
    INSERT INTO paper_search_ids (arxiv_id) VALUES (new.arxiv_id);
    INSERT INTO paper_search (rowid, title, abstract, keywords)
    VALUES ((SELECT doc_id FROM paper_search_ids WHERE arxiv_id = new.arxiv_id), new.title, new.abstract, COALESCE(new.ai_keywords, ''));
END;

-- The ingest upsert rewrites every column; only a real change of the indexed text touches the index.
CREATE TRIGGER paper_search_update AFTER UPDATE OF title, abstract, ai_keywords ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract OR old.ai_keywords IS NOT new.ai_keywords
BEGIN
    UPDATE paper_search SET title = new.title, abstract = new.abstract, keywords = COALESCE(new.ai_keywords, '')
    WHERE rowid = (SELECT doc_id FROM paper_search_ids WHERE arxiv_id = new.arxiv_id);
END;

CREATE TRIGGER paper_search_delete AFTER DELETE ON papers BEGIN
    DELETE FROM paper_search WHERE rowid = (SELECT doc_id FROM paper_search_ids WHERE arxiv_id = old.arxiv_id);
    DELETE FROM paper_search_ids WHERE arxiv_id = old.arxiv_id;
END;

-- Who had a given paper: read once per edition for the papers of its window, in subscriber order.
CREATE INDEX sent_papers_by_paper ON sent_papers(arxiv_id, subscriber_id);
