-- Start-up probe: the server answers and has the text search configuration matching relies on.
SELECT to_tsvector('simple', 'probe')::text;
