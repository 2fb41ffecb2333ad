-- Sign-ups older than the hour no longer count against anyone.
DELETE FROM sign_up_attempts WHERE at <= @Since;
