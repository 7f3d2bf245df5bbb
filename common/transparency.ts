import { z } from "zod";

/** Hashes travel as standard base64, as in C2SP checkpoints. */
const hashSchema = z.string().describe("SHA-256 hash, base64");
const count = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const logEntriesQuerySchema = z.object({
  from: count,
  /** Exclusive; at most 1,000 entries are returned. */
  to: count,
});

export const logEntrySchema = z.object({
  index: z.number().int(),
  kind: z.string(),
  /** The entry exactly as hashed into its leaf: canonical JSON (RFC 8785). */
  entry: z.string(),
});

export const logEntriesSchema = z.object({ size: z.number().int(), entries: z.array(logEntrySchema) });

export const inclusionQuerySchema = z.object({ index: count, size: count });
export const inclusionProofSchema = z.object({
  index: z.number().int(),
  treeSize: z.number().int(),
  root: hashSchema,
  proof: z.array(hashSchema),
});

export const consistencyQuerySchema = z.object({ from: count, to: count });
export const consistencyProofSchema = z.object({
  oldSize: z.number().int(),
  newSize: z.number().int(),
  oldRoot: hashSchema,
  newRoot: hashSchema,
  proof: z.array(hashSchema),
});

export const logKeySchema = z.object({
  /** C2SP verifier key: name+keyhash+base64(0x01 || Ed25519 public key). */
  verifierKey: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const logKeysSchema = z.object({ origin: z.string(), keys: z.array(logKeySchema) });
