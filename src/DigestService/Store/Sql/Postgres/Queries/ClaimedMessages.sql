-- The rendered messages of the rows a claim just took.
SELECT delivery_id AS Id, message AS Message FROM delivery_messages WHERE delivery_id = ANY(@Ids);
