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

/**
 * Everything needed to check offline that an entry is in the log: the entry as hashed, its index,
 * the audit path to the root of a signed checkpoint, and that checkpoint (a C2SP signed note).
 */
export const proofBundleSchema = z.object({
  origin: z.string(),
  index: z.number().int(),
  /** Canonical JSON (RFC 8785): its leaf hash is SHA-256(0x00 || UTF-8 bytes). */
  entry: z.string(),
  treeSize: z.number().int(),
  proof: z.array(hashSchema),
  checkpoint: z.string(),
});
export type ProofBundle = z.infer<typeof proofBundleSchema>;
export const bundleQuerySchema = z.object({ index: count });

/** The address of entry `index`'s proof bundle. */
export function bundlePath(index: number): string {
  return `/api/v1/log/bundle?index=${index}`;
}

/**
 * Where a fact an answer rests on (a case's status, an agreement's version) is recorded in the log.
 * `proof` is there only when asked for (`?proof=bundle`): the bundle, or null until a signed
 * checkpoint covers the entry.
 */
export const logReferenceSchema = z.object({
  index: z.number().int(),
  /** The proof bundle's address, e.g. /api/v1/log/bundle?index=12. */
  bundle: z.string(),
  proof: proofBundleSchema.nullable().optional(),
});
export type LogReference = z.infer<typeof logReferenceSchema>;

export function logReference(index: number): LogReference {
  return { index, bundle: bundlePath(index) };
}

/** `?proof=bundle` puts each log reference's proof bundle in the answer. */
export const proofQuerySchema = z.object({ proof: z.enum(["bundle"]).optional() });

export const logStatsSchema = z.object({
  size: z.number().int(),
  /** Entries per kind and UTC day. */
  byDay: z.array(z.object({ day: z.string(), kind: z.string(), count: z.number().int() })),
});

export const checkpointsQuerySchema = z.object({ after: z.coerce.number().int().min(-1).default(-1) });
export const checkpointsSchema = z.object({ checkpoints: z.array(z.string()) });
