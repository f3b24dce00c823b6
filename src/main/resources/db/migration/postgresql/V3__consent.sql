-- Consents a user chose to remember for a pre-configured client, one per client and user. A row
-- past expires_at is ignored, and replaced when the user remembers again.
create table oauth2_consent (
    registered_client_id  varchar(100)  not null,
    principal_name        varchar(200)  not null,
    scopes                varchar(1000) not null,
    granted_at            timestamp(6) with time zone not null,
    expires_at            timestamp(6) with time zone not null,
    constraint pk_oauth2_consent primary key (registered_client_id, principal_name)
);
