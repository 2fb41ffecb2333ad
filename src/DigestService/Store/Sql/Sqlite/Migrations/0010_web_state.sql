-- What web nodes share, so any node answers any request: the sign-ups of each address in the last hour (by the keyed
-- hash of the address, never the address itself). The Data Protection keys are in data_protection_keys (0007_operations).

CREATE TABLE sign_up_attempts (
    address_hash TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX sign_up_attempts_by_address ON sign_up_attempts(address_hash, at);
CREATE INDEX sign_up_attempts_by_time ON sign_up_attempts(at);

