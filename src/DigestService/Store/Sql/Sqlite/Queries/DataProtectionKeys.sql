-- Every Data Protection key, for each node's key ring.
SELECT xml FROM data_protection_keys ORDER BY created_at, name;
