-- The status of the subscriber with this address, if any, before an add or import changes it.
SELECT status FROM subscribers WHERE email = @Email COLLATE NOCASE;
