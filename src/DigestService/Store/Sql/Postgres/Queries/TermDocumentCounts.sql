-- How many papers hold each indexed term (ts_stat over the stored tsvectors, as FTS5's vocabulary on SQLite): a rare
-- term says more about a paper than a common one.
SELECT word AS term, ndoc AS doc FROM ts_stat('SELECT search FROM papers');
