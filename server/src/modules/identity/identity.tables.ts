import type { ColumnType, Generated } from "kysely";
import type { OrganizationKind, Role } from "../../../../common/identity.ts";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  /** Sealed with the server's secret box key; null until the user starts enrolling. */
  totp_secret_sealed: string | null;
  totp_enabled: Generated<boolean>;
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the table does not let anyone sign in. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  /** The password was right but a required second factor is not set up: only enrollment is allowed. */
  enrollment_only: boolean;
  /** A reader's private key for this session, encrypted under a key derived from the cookie token. */
  reader_key_sealed: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface SignInThrottleTable {
  /** SHA-256 of the normalised e-mail, so unknown and known accounts are throttled alike. */
  key_hash: string;
  failures: number;
  locked_until: Date | null;
  updated_at: Timestamp;
}

/** A person's reader key pair (decision 0006): the private key only wrapped (see platform/crypto/reader-keys.ts). */
export interface ReaderKeysTable {
  user_id: string;
  public_key: Uint8Array;
  wrapped_by_password: string;
  wrapped_by_recovery_code: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface IdentityTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_throttle: SignInThrottleTable;
  reader_keys: ReaderKeysTable;
}
