-- A stored address brought to its canonical form.
UPDATE subscribers SET email = @Email WHERE id = @Id;
