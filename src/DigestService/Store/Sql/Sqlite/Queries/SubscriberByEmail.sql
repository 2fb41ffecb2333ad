-- One subscriber by address (addresses compare case-insensitively).
SELECT * FROM subscriber_rows WHERE Email = @Email COLLATE NOCASE;
