-- The newest days with a listing, up to a date: the editions the archive feed offers.
SELECT DISTINCT listed_on FROM sightings WHERE listed_on <= @To ORDER BY listed_on DESC LIMIT @Limit;
