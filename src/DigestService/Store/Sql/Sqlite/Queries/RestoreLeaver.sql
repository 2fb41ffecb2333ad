-- A pending sign-up of someone who had left goes back to what they were: a sign-up changes nothing until confirmed.
UPDATE subscribers SET status = @Status WHERE id = @Id AND status = 'pending';
