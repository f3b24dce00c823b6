-- The one-time codes mailed to confirm a user's identity before a security change, as SHA-256
-- digests. Each try reserves an attempt and a right code is consumed by one conditional update, so
-- neither parallel guesses nor parallel uses of a right code get past the limits.
create table one_time_code (
    id           varchar(36)   primary key,
    username     varchar(100)  not null,
    code_hash    char(64)      not null,
    issued_at    timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null,
    attempts     integer       default 0 not null,
    consumed_at  timestamp(6) with time zone
);
