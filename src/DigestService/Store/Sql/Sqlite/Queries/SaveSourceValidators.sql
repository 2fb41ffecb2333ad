-- Remembers what a URL answered with; written only after that answer's papers are stored, so a 304 never hides unstored papers.
INSERT INTO feed_validators (source, url, etag, last_modified, used_at)
VALUES (@Source, @Url, @ETag, @LastModified, @Now)
ON CONFLICT (source, url) DO UPDATE SET
    etag          = excluded.etag,
    last_modified = excluded.last_modified,
    used_at       = excluded.used_at;
