-- A subscriber's status and address inside a write, to see what a statement changed; locked until the write
-- commits, so two changes of one subscriber on two nodes take turns and each audit row names the status it replaced.
SELECT id AS Id, email AS Email, status AS Status FROM subscribers WHERE id = @Id
FOR UPDATE;
