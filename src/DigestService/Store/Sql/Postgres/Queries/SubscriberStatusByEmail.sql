-- The status of the subscriber with this address, if any, before an add or import changes it, locked until
-- the write commits so a concurrent change waits instead of slipping between the read and the write.
SELECT status FROM subscribers WHERE ascii_fold(email) = ascii_fold(@Email)
FOR UPDATE;
