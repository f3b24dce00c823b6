-- Each rotation forgets the grant's superseded refresh tokens that have expired. Indexed by grant
-- alone, that delete read every superseded token of the grant, a number that grows with each
-- refresh; with the expiry in the index it reads only the expired ones. The grant-first order
-- still serves the cascade from oauth2_authorization.
create index ix_superseded_refresh_token_expiry on oauth2_superseded_refresh_token (authorization_id, expires_at);
drop index ix_superseded_refresh_token_authorization;
