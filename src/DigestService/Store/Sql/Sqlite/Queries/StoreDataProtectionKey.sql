-- A new Data Protection key; a name is written once (keys are never edited, only added).
INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@Name, @Xml, @Now) ON CONFLICT (name) DO NOTHING;
