-- A POP3 message a run looked at and left on the server.
INSERT INTO bounce_mailbox_seen (mailbox, uid) VALUES (@Mailbox, @Uid) ON CONFLICT DO NOTHING;
