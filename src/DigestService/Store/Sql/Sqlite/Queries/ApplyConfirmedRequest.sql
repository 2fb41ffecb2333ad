-- What the sign-up form asked for, applied when its confirmation link is used (null keeps the stored value).
UPDATE subscribers SET topics = COALESCE(@Topics, topics), time_zone = COALESCE(@TimeZone, time_zone) WHERE id = @Id;
