-- Every save of a grant is a compare-and-set on its version: a code redeemed, a refresh token
-- rotated or a consent state used by two requests at once is saved by one of them only, the other
-- finds the version changed (RFC 6749 section 4.1.2: a code is never honoured twice).
alter table oauth2_authorization add column version bigint default 0 not null;
