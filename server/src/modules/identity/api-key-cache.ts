/** What a request's API key is checked against: found by its prefix, proved by its secret's hash. */
export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  secretHash: string;
  revoked: boolean;
}

/**
 * API keys already read, by prefix, so a machine's request costs no database read (the permission
 * API answers from memory, and a read per request would cap it). A revocation forgets the key here
 * and, through NOTIFY, on every other instance; a lost notification connection forgets them all.
 */
export class ApiKeyCache {
  readonly #byPrefix = new Map<string, ApiKeyRecord>();

  constructor(private readonly capacity = 10_000) {}

  get(prefix: string): ApiKeyRecord | undefined {
    return this.#byPrefix.get(prefix);
  }

  remember(prefix: string, record: ApiKeyRecord): void {
    this.#byPrefix.delete(prefix);
    this.#byPrefix.set(prefix, record);
    if (this.#byPrefix.size > this.capacity) {
      const oldest = this.#byPrefix.keys().next().value;
      if (oldest !== undefined) this.#byPrefix.delete(oldest);
    }
  }

  forget(prefix: string): void {
    this.#byPrefix.delete(prefix);
  }

  clear(): void {
    this.#byPrefix.clear();
  }
}

/** Every instance listens here for the prefixes of revoked keys. */
export const API_KEY_CHANNEL = "api_key_revoked";
