-- Retention: what a subscriber was sent is kept Retention:SentPapersDays, long enough that nothing reaches them twice.
DELETE FROM sent_papers WHERE edition < @Before;
