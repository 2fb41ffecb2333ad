-- "Download my data": every change of this subscriber's status, oldest first.
SELECT old_status AS OldStatus, new_status AS NewStatus, source AS Source, reason AS Reason, at AS At
FROM status_changes WHERE subscriber_id = @Id ORDER BY id;
