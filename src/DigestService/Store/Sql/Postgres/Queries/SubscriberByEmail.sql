-- One subscriber by address (addresses compare case-insensitively).
SELECT * FROM subscriber_rows WHERE ascii_fold(Email) = ascii_fold(@Email);
