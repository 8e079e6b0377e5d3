-- V001: the first schema of mdnp's state.
-- Rules for every migration: run by Migrations in one transaction with foreign keys on; ends by setting
-- user_version to its own number; never edited once released (add V002__....sql instead).
-- Absent text is '', never NULL. Times are milliseconds since the epoch. Booleans are 0 or 1.

-- 'mdnp' in ASCII: marks the file as mdnp's state (Migrations.APPLICATION_ID).
PRAGMA application_id = 1835298416;

CREATE TABLE networks (
    id           TEXT    NOT NULL PRIMARY KEY,
    bridge       TEXT    NOT NULL UNIQUE,
    request_json TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE endpoints (
    id                TEXT    NOT NULL PRIMARY KEY,
    network_id        TEXT    NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    host_if_name      TEXT    NOT NULL UNIQUE,
    container_if_name TEXT    NOT NULL,
    mac               TEXT    NOT NULL,
    ipv4_address      TEXT    NOT NULL,
    ipv6_address      TEXT    NOT NULL,
    joined            INTEGER NOT NULL CHECK (joined IN (0, 1)),
    sandbox_key       TEXT    NOT NULL,
    request_json      TEXT    NOT NULL
) STRICT;

-- Makes the cascade from networks and the listing of a network's endpoints an index lookup.
CREATE INDEX endpoints_by_network ON endpoints (network_id);

-- Keeps its rowid (no WITHOUT ROWID): PoolsTable.list() returns the pools in insertion order by rowid.
CREATE TABLE pools (
    id            TEXT    NOT NULL PRIMARY KEY,
    address_space TEXT    NOT NULL,
    pool_cidr     TEXT    NOT NULL,
    sub_pool_cidr TEXT    NOT NULL,
    v6            INTEGER NOT NULL CHECK (v6 IN (0, 1)),
    options_json  TEXT    NOT NULL
) STRICT;

-- The primary key is also the index the cascade from pools and the listing of a pool use.
CREATE TABLE allocations (
    pool_id TEXT NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    PRIMARY KEY (pool_id, address)
) STRICT, WITHOUT ROWID;

PRAGMA user_version = 1;
