-- The authors a reader follows, comma-separated as they wrote them.
UPDATE subscribers SET authors = @Authors WHERE id = @Id;
