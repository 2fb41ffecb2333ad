-- The days with a listing, newest first, a page at a time: the editions the archive lists and the feed offers.
SELECT DISTINCT listed_on FROM sightings ORDER BY listed_on COLLATE "C" DESC LIMIT @Limit OFFSET @Offset;
