-- Remember a bounce or complaint report by its id; returns nothing when it was applied before, so a report re-read counts once.
INSERT INTO bounce_reports (report_id, recipient, status, message_id, received_at, kind)
VALUES (@ReportId, @Recipient, @Status, @MessageId, @Now, @Kind)
ON CONFLICT (report_id) DO NOTHING
RETURNING report_id;
