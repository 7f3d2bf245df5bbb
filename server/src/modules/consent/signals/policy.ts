import { z } from "zod";
import { type UseType, useTypeSchema } from "../../../../../common/consent.ts";

/**
 * What every standard signal is made from: an asset's own policy (or a member's default policy),
 * where to ask for consent, and who asks for it. Pure data; no database.
 */
export interface SignalPolicy {
  /** Uses anyone may make without asking (the asset's own policy); default none: everything needs consent. */
  permittedUses: readonly UseType[];
  /** Where requesters ask for consent / read the policy (absolute URL on this Guildhall). */
  policyUrl: string;
  /** The member, or their union acting as their agent. */
  assigner: { name: string; url?: string; email?: string };
  /** Even a permitted use must be paid for: then nothing is open without contacting the assigner. */
  compensationRequired: boolean;
  /** For tdmrep.json and robots.txt: locations on the member's own site; default ["/"]. */
  paths?: readonly string[];
  /** For the ODRL policy: an absolute URI naming the asset or the member's collection it covers. */
  target?: string;
}

/** No control characters: names end up in robots.txt comments and JSON-LD. */
const plainText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, "No control characters");
const webUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * A robots.txt / tdmrep.json path pattern (RFC 9309 §2.2.2; TDMRep #sec-tdm-file-regexp reuses
 * it): starts with "/", may use "*" and "$", and has no whitespace, control character or "#"
 * (which would start a robots.txt comment). Spaces must come percent-encoded, as both require.
 */
const pathPattern = z
  .string()
  .max(1024)
  .regex(/^\/[^\s#\p{Cc}]*$/u, 'A path that starts with "/" and has no spaces or "#"');

export const signalPolicySchema = z.object({
  permittedUses: z.array(useTypeSchema).max(100),
  policyUrl: webUrl,
  assigner: z.object({ name: plainText, url: webUrl.optional(), email: z.email().max(254).optional() }),
  compensationRequired: z.boolean(),
  paths: z.array(pathPattern).min(1).max(100).optional(),
  target: z.url().max(2048).optional(),
});

export interface ReadPolicy {
  policyUrl: string;
  assigner: { name: string; url?: string; email?: string };
  compensationRequired: boolean;
  paths: string[];
  target?: string;
  /** Uses anyone may make without asking (they may still have to pay). */
  permitted: ReadonlySet<UseType>;
  /** Uses that need nobody's say-so: permitted, and nothing to pay. */
  open: ReadonlySet<UseType>;
}

/** Checks a policy (throws a ZodError when it is malformed) and fills in the defaults. */
export function readPolicy(policy: SignalPolicy): ReadPolicy {
  const parsed = signalPolicySchema.parse(policy);
  const permitted = new Set<UseType>(parsed.permittedUses);
  return {
    policyUrl: parsed.policyUrl,
    assigner: parsed.assigner,
    compensationRequired: parsed.compensationRequired,
    paths: [...new Set(parsed.paths ?? ["/"])],
    ...(parsed.target === undefined ? {} : { target: parsed.target }),
    permitted,
    open: parsed.compensationRequired ? new Set<UseType>() : permitted,
  };
}

// ---------------------------------------------------------------------------------------------
// Which of Guildhall's uses each outward category covers. A category is signalled as open only
// when every use it covers is open; otherwise it is reserved and points to the policy URL, where
// consent can be asked. Unknown means no.
// ---------------------------------------------------------------------------------------------

/** Training or fine-tuning any model on the work (generative or not). */
export const MODEL_TRAINING: readonly UseType[] = ["training", "fine_tuning"];

/**
 * Training or refining a model that can generate content. Making a digital replica or a
 * synthetic performance means training (or fine-tuning) a generative model on the person's
 * voice, likeness or performances, so those uses fall here too.
 */
export const GENERATIVE_TRAINING: readonly UseType[] = [
  "training",
  "fine_tuning",
  "digital_replica_employment",
  "digital_replica_independent",
  "synthetic_performance",
];

/**
 * Text and data mining in the sense of EU DSM Art. 4 and TDMRep's `tdm:mine`: analysing the work
 * to build or change a model. TDMRep and IPTC have one switch for all of it, so it is open only
 * when every kind of training is.
 */
export const TEXT_AND_DATA_MINING: readonly UseType[] = GENERATIVE_TRAINING;

/**
 * The work as input to a trained model: retrieval and prompting (`inference`), a voice or
 * likeness generated live from it (`real_time_generation`), or a recorded performance altered
 * by AI (`digital_alteration`).
 */
export const MODEL_INPUT: readonly UseType[] = ["inference", "real_time_generation", "digital_alteration"];

export function allOpen(policy: ReadPolicy, uses: readonly UseType[]): boolean {
  return uses.every((use) => policy.open.has(use));
}

export function allPermitted(policy: ReadPolicy, uses: readonly UseType[]): boolean {
  return uses.every((use) => policy.permitted.has(use));
}
