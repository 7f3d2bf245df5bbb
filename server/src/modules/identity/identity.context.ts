import type { SecretBox } from "../../platform/crypto/secret-box.ts";
import type { Db } from "../../platform/db/database.ts";
import type { ApiKeyCache } from "./api-key-cache.ts";

/** What identity use cases need from the platform; tests pass their own clock. */
export interface IdentityContext {
  db: Db;
  secretBox: SecretBox;
  sessionHours: number;
  /** Keys already read; without it every API request reads its key from the database. */
  apiKeys?: ApiKeyCache;
  now(): Date;
}
