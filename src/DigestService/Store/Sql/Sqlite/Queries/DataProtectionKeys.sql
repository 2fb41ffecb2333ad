-- The Data Protection key ring, read whole whenever ASP.NET Core refreshes its keys.
SELECT xml FROM data_protection_keys ORDER BY created_at, name;
