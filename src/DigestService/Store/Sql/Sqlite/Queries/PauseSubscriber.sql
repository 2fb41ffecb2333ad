-- Pause until an instant, or resume with null.
UPDATE subscribers SET paused_until = @PausedUntil WHERE id = @Id;
