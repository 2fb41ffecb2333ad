-- Confirmation requests past their lifetime are of no use any more; the audit trail says what they did.
DELETE FROM confirmations WHERE expires_at <= @Cutoff;
