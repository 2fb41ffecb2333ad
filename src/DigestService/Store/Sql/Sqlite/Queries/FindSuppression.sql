-- Whether an address (by its keyed hash) is on the suppression list, and since when and why.
SELECT reason AS Reason, source AS Source, since AS Since FROM suppressions WHERE address_hash = @Hash;
