-- The ETag / Last-Modified each URL of a source answered with last time, sent back as If-None-Match / If-Modified-Since.
SELECT url, etag, last_modified FROM feed_validators WHERE source = @Source;
