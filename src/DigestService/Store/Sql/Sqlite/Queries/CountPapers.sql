-- Before and after an ingest in one transaction: the difference is how many papers were new.
SELECT COUNT(*) FROM papers;
