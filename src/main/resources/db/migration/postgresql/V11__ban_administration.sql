-- Bans an admin makes or lifts (gatehouse storage bans …), as Authelia keeps them: permanent ones
-- have no expiry, each says where it came from and why, and a revoked one no longer stands.
alter table banned_user alter column expires drop not null;
alter table banned_user add column source varchar(20) default 'regulation' not null;
alter table banned_user add column reason varchar(200);
alter table banned_user add column revoked boolean default false not null;

alter table banned_ip alter column expires drop not null;
alter table banned_ip add column source varchar(20) default 'regulation' not null;
alter table banned_ip add column reason varchar(200);
alter table banned_ip add column revoked boolean default false not null;
