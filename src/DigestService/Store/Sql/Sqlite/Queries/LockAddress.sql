-- Counting an address's sign-ups or confirmation emails needs no lock of its own on SQLite: the write transaction
-- (BEGIN IMMEDIATE) already lets one writer at a time count and insert.
SELECT 1;
