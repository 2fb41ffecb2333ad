-- How many papers hold each indexed term (FTS5 vocabulary): a rare term says more about a paper than a common one.
SELECT term, doc FROM paper_search_vocab;
