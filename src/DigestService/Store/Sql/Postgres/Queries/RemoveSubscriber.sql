-- Delete a subscriber and, through the foreign keys, everything tied to them.
DELETE FROM subscribers WHERE ascii_fold(email) = ascii_fold(@Email);
