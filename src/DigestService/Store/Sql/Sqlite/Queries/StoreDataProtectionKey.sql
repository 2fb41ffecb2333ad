-- A new Data Protection key; a name already stored keeps its first key (keys are never changed, only added).
INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@Name, @Xml, @Now) ON CONFLICT (name) DO NOTHING;
