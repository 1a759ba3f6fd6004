-- OfferKit schema for PostgreSQL (>= 12), default table prefix `offerkit_`.
-- Same tables, columns and indexes as the in-code migrations (`offerKitMigrations`); a test keeps them in step.
-- Instants are epoch milliseconds; JSON values are TEXT; hashes are base64url SHA-256 (43 characters).
-- To use another prefix, replace every `offerkit_` below.

create table "offerkit_offers" (
  "id" varchar(36) not null primary key,
  "user_id" varchar(36) not null,
  "code_hash" char(43) not null,
  "reference_hash" char(43),
  "tx_code_mac" char(43),
  "tx_code" text,
  "credentials" text not null,
  "profile" varchar(16) not null,
  "claims" text,
  "created_at" bigint not null,
  "expires_at" bigint not null,
  "attempts" integer default 0 not null,
  "consumed_at" bigint,
  "revoked_at" bigint,
  "locked_at" bigint
);

create table "offerkit_users" (
  "id" varchar(36) not null primary key,
  "claims" text not null,
  "created_at" bigint not null,
  "updated_at" bigint not null
);

create unique index "offerkit_offers_code_hash_key" on "offerkit_offers" ("code_hash");
create unique index "offerkit_offers_reference_hash_key" on "offerkit_offers" ("reference_hash");
create index "offerkit_offers_expires_at_idx" on "offerkit_offers" ("expires_at");
create index "offerkit_offers_user_id_idx" on "offerkit_offers" ("user_id");
