-- Security keys and passkeys (WebAuthn), as Authelia keeps them: each credential's public key in
-- COSE form (never a private value), its id (base64url) and last signature counter, which a
-- conditional update moves forward so that two uses of one counter value cannot both pass.
create table webauthn_credential (
    id                  varchar(36)   primary key,
    username            varchar(100)  not null,
    rp_id               varchar(255)  not null,
    credential_id       varchar(1400) not null,
    description         varchar(64)   not null,
    public_key          bytea not null,
    sign_count          bigint        not null,
    clone_warning       boolean       default false not null,
    aaguid              char(36)      not null,
    attestation_format  varchar(32)   not null,
    attachment          varchar(20),
    discoverable        boolean       not null,
    backup_eligible     boolean       not null,
    backup_state        boolean       not null,
    created_at          timestamp(6) with time zone not null,
    last_used_at        timestamp(6) with time zone,
    constraint webauthn_credential_id_per_party unique (rp_id, credential_id),
    constraint webauthn_credential_description_per_user unique (username, rp_id, description)
);

-- The user handle a passkey carries instead of the username: random, one per user and party.
create table webauthn_user (
    username     varchar(100)  not null,
    rp_id        varchar(255)  not null,
    user_handle  varchar(100)  not null,
    primary key (username, rp_id),
    constraint webauthn_user_handle_per_party unique (rp_id, user_handle)
);

-- The challenges already answered, by digest, until they expire: an answer is checked only after
-- its challenge is recorded here, so it is checked once whichever instance receives it.
create table webauthn_answered_challenge (
    challenge_hash  char(64)  primary key,
    expires_at      timestamp(6) with time zone not null
);
