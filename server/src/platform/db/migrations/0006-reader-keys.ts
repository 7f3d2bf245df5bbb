import { type Kysely, sql } from "kysely";

/**
 * A person's reader key pair (decision 0006): the public key in clear, the private key only wrapped,
 * once under the password and once under a recovery code the person keeps; and its copy for a session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reader_keys (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      public_key bytea NOT NULL,
      wrapped_by_password text NOT NULL,
      wrapped_by_recovery_code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The signed-in reader's private key, encrypted under a key derived from the session's cookie token.
  await sql`ALTER TABLE sessions ADD COLUMN reader_key_sealed bytea`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions DROP COLUMN reader_key_sealed`.execute(db);
  await sql`DROP TABLE reader_keys`.execute(db);
}
