-- One subscriber by the id a signed link carries.
SELECT * FROM subscriber_rows WHERE Id = @Id;
