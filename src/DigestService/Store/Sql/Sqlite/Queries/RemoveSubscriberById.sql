-- Delete one subscriber row (a duplicate of the same inbox) and, through the foreign keys, everything tied to it.
DELETE FROM subscribers WHERE id = @Id;
