-- A subscriber's status and address inside a write, to see what a statement changed.
SELECT id AS Id, email AS Email, status AS Status FROM subscribers WHERE id = @Id;
