-- The papers in a search-id range (an edition's candidates) that one FTS5 phrase matches, with their bm25 (lower is better).
SELECT rowid AS DocId, bm25(paper_search, @TitleWeight, @AbstractWeight, @KeywordsWeight) AS Bm25
FROM paper_search
WHERE paper_search MATCH @Match AND rowid BETWEEN @FirstDoc AND @LastDoc;
