-- A delivery that is done (sent, bounced or failed) no longer needs its message.
DELETE FROM delivery_messages WHERE delivery_id = @Id;
