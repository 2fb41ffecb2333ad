-- What web nodes share, so any node answers any request: the sign-ups of each address in the last hour (by the keyed
-- hash of the address, never the address itself), and ASP.NET Core's Data Protection keys, which sign the form tokens.

CREATE TABLE sign_up_attempts (
    address_hash TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX sign_up_attempts_by_address ON sign_up_attempts(address_hash, at);
CREATE INDEX sign_up_attempts_by_time ON sign_up_attempts(at);

CREATE TABLE data_protection_keys (
    name       TEXT PRIMARY KEY,               -- the key's friendly name (key-<id>)
    xml        TEXT NOT NULL,                  -- the key as Data Protection writes it
    created_at TEXT NOT NULL
);
