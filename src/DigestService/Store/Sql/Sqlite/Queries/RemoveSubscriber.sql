-- Delete a subscriber and, through the foreign keys, everything tied to them.
DELETE FROM subscribers WHERE email = @Email COLLATE NOCASE;
