-- A digest that finally failed never reached its reader: its papers may be offered again in a later edition.
DELETE FROM sent_papers WHERE subscriber_id = @SubscriberId AND edition = @Edition;
