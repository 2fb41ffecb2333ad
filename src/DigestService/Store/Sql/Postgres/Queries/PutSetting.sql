-- Insert-or-keep: a racing second writer of the same generated key loses and reads the first one back.
INSERT INTO settings (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO NOTHING;
