-- Every active reader's rated and seeded papers, in reader order: read once per send run. Text only for papers not in our store.
SELECT pp.subscriber_id, pp.paper_key, pp.weight, pp.title, pp.body
FROM profile_papers pp JOIN subscribers s ON s.id = pp.subscriber_id
WHERE s.status = 'active'
ORDER BY pp.subscriber_id, pp.paper_key;
