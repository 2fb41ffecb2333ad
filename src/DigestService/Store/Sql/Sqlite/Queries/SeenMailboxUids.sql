-- The POP3 UIDLs of the bounce mailbox that a run looked at and left on the server: not downloaded again.
SELECT uid FROM bounce_mailbox_seen WHERE mailbox = @Mailbox;
