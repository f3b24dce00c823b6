-- A grant's JSON columns as long varchar rather than clob: H2 moves a clob of over 256 bytes to its
-- separate LOB store, which costs several more B-tree writes and reads per column every time a grant
-- is saved or read. A varchar stays in the row. PostgreSQL's text needs no such change.
alter table oauth2_authorization alter column attributes set data type varchar(1000000);
alter table oauth2_authorization alter column authorization_code_metadata set data type varchar(1000000);
alter table oauth2_authorization alter column access_token_metadata set data type varchar(1000000);
alter table oauth2_authorization alter column refresh_token_metadata set data type varchar(1000000);
alter table oauth2_authorization alter column oidc_id_token_metadata set data type varchar(1000000);
