-- V002: the ports ProgramExternalConnectivity published for each endpoint (docker run -p, -P), so that Revoke removes
-- exactly them, also when mdnp restarted or crashed between the two (issue 13).
-- Rules for every migration: run by Migrations in one transaction with foreign keys on; ends by setting
-- user_version to its own number; never edited once released (add V003__....sql instead).
-- Absent text is '', never NULL. Times are milliseconds since the epoch. Booleans are 0 or 1.

-- One row per published port and address family, numbered from 0 in the order Program published them. Deleted with
-- its endpoint, and so with the endpoint's network (the cascades chain). The primary key is also the index the
-- cascade from endpoints and the listing of one endpoint use. No column may be '': a published port always has
-- both addresses.
CREATE TABLE published_ports (
    endpoint_id    TEXT    NOT NULL REFERENCES endpoints (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    protocol       TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    host_ip        TEXT    NOT NULL CHECK (host_ip <> ''),
    host_port      INTEGER NOT NULL CHECK (host_port BETWEEN 1 AND 65535),
    container_ip   TEXT    NOT NULL CHECK (container_ip <> ''),
    container_port INTEGER NOT NULL CHECK (container_port BETWEEN 1 AND 65535),
    routed         INTEGER NOT NULL CHECK (routed IN (0, 1)),
    PRIMARY KEY (endpoint_id, position)
) STRICT, WITHOUT ROWID;

PRAGMA user_version = 2;
