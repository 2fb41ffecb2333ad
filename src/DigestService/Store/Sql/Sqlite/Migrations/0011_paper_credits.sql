-- What the Hugging Face feed says beside the paper itself: its thumbnail image, the organization it is filed under
-- and who put it on the daily list. NULL when the feed did not say (older schemas, other sources).
ALTER TABLE papers ADD COLUMN thumbnail TEXT;
ALTER TABLE papers ADD COLUMN organization TEXT;
ALTER TABLE papers ADD COLUMN submitted_by TEXT;
