-- The newest days with a listing: the editions the archive feed offers.
SELECT DISTINCT listed_on FROM sightings ORDER BY listed_on DESC LIMIT @Limit;
