-- One entry of an uploaded library, liked; a paper the reader already rated keeps their rating.
INSERT INTO profile_papers (subscriber_id, paper_key, weight, source, title, body, added_at)
VALUES (@SubscriberId, @PaperKey, 1, 'library', @Title, @Body, @Now)
ON CONFLICT (subscriber_id, paper_key) DO NOTHING;
