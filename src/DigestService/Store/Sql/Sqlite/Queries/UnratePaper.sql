-- Undo of a rating (or a library entry) from the preferences page.
DELETE FROM profile_papers WHERE subscriber_id = @SubscriberId AND paper_key = @PaperKey;
