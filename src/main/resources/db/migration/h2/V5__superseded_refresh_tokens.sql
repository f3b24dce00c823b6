-- Refresh tokens that rotation replaced, as SHA-256 digests. One presented again was copied, so
-- the grant it belonged to is revoked (RFC 9700 section 4.14.2). Rows go with their grant.
create table oauth2_superseded_refresh_token (
    token_hash        char(64)      primary key,
    authorization_id  varchar(100)  not null references oauth2_authorization (id) on delete cascade,
    expires_at        timestamp(6) with time zone
);
create index ix_superseded_refresh_token_authorization on oauth2_superseded_refresh_token (authorization_id);
