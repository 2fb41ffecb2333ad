-- Once, after addresses got one canonical form: every stored address, to convert those stored before it.
SELECT id AS Id, email AS Email, status AS Status, confirmed_at AS ConfirmedAt FROM subscribers ORDER BY id;
