-- The person confirmed from a link in their own mailbox: their opt-out is undone.
DELETE FROM suppressions WHERE address_hash = @Hash;
