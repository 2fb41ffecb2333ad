-- Everyone, for `subscribers list`.
SELECT * FROM subscriber_rows ORDER BY Email;
