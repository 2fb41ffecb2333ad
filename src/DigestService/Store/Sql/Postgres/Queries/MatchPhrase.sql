-- The papers in a search-id range (an edition's candidates) that one phrase matches, with minus their weighted rank
-- (negative, lower is better, as bm25 on SQLite). The tsquery is built from the lexemes the parser finds in the text
-- (phraseto_tsquery takes no operators), so no input changes its shape; the last lexeme may become a prefix (:*).
-- ts_rank weighs D, C (abstract), B (AI keywords), A (title), each at most 1.
WITH phrase AS (SELECT phraseto_tsquery('simple', @Text) AS q),
     query AS (SELECT CASE WHEN @Prefix AND numnode(q) > 0 THEN (q::text || ':*')::tsquery ELSE q END AS q FROM phrase),
     top AS (SELECT GREATEST(@TitleWeight, @AbstractWeight, @KeywordsWeight) AS w)
SELECT p.doc_id AS DocId,
       -ts_rank(ARRAY[0, @AbstractWeight / top.w, @KeywordsWeight / top.w, @TitleWeight / top.w]::float4[], p.search, query.q)::float8 AS Bm25
FROM papers p, query, top
WHERE p.search @@ query.q AND p.doc_id BETWEEN @FirstDoc AND @LastDoc;
