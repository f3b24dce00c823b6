-- One TOTP device per user; the secret is encrypted with storage.encryption_key.
create table totp_configuration (
    username          varchar(100)  primary key,
    issuer            varchar(100)  not null,
    algorithm         varchar(10)   not null,
    digits            integer       not null,
    period            integer       not null,
    encrypted_secret  text          not null,
    created_at        timestamp(6) with time zone not null,
    last_used_at      timestamp(6) with time zone
);

-- Every accepted code's time step, so that no code is accepted twice (Authelia's totp_history).
create table totp_history (
    username    varchar(100)  not null,
    step        bigint        not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_totp_history unique (username, step)
);
