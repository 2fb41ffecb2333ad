-- Values the service keeps for itself (the generated signing key, last run times).
SELECT value FROM settings WHERE key = @Key;
