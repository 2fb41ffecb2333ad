-- Before saving a run's set of UIDLs: the ones no longer on the server are forgotten with the rest.
DELETE FROM bounce_mailbox_seen WHERE mailbox = @Mailbox;
