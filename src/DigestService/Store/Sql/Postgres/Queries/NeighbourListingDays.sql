-- The listing days just before and just after one day: the archive's previous and next editions.
SELECT (SELECT MAX(listed_on) FROM sightings WHERE listed_on < @Day) AS Previous,
       (SELECT MIN(listed_on) FROM sightings WHERE listed_on > @Day) AS Next;
