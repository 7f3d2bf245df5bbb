import type { SecretBox } from "../../platform/crypto/secret-box.ts";
import type { Db } from "../../platform/db/database.ts";

/** What identity use cases need from the platform; tests pass their own clock. */
export interface IdentityContext {
  db: Db;
  secretBox: SecretBox;
  sessionHours: number;
  now(): Date;
}
