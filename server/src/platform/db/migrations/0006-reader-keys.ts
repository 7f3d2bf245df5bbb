import { type Kysely, sql } from "kysely";

/**
 * A person's reader key pair (decision 0006): the public key in clear, the private key only wrapped,
 * once under the password and once under a recovery code the person keeps.
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reader_keys`.execute(db);
}
