import { z } from "zod";
import { countryCodeSchema, currencyCodeSchema, decimalAmountSchema, isoDateSchema } from "./agreements.ts";
import { logReferenceSchema } from "./transparency.ts";

// AI consent registry (issue 6): what a use is, and what a permission check asks and answers.

/**
 * Uses of a person's work, voice or likeness that need consent. The replica kinds follow the
 * SAG-AFTRA definitions: made with the performer during employment, or independently from
 * existing material (research/consent.md §2.4).
 */
export const USE_TYPES = [
  "training",
  "fine_tuning",
  "inference",
  "digital_replica_employment",
  "digital_replica_independent",
  "synthetic_performance",
  "real_time_generation",
  "digital_alteration",
] as const;
export const useTypeSchema = z.enum(USE_TYPES);
export type UseType = z.infer<typeof useTypeSchema>;

export const REPLICA_USES: readonly UseType[] = [
  "digital_replica_employment",
  "digital_replica_independent",
  "real_time_generation",
  "digital_alteration",
];

/** W3C DPV consent statuses (https://w3id.org/dpv#); only the first two permit a use. */
export const CONSENT_STATUSES = [
  "ConsentGiven",
  "RenewedConsentGiven",
  "ConsentRequested",
  "ConsentRefused",
  "ConsentWithdrawn",
  "ConsentRevoked",
  "ConsentExpired",
  "ConsentInvalidated",
  "ConsentUnknown",
] as const;
export const consentStatusSchema = z.enum(CONSENT_STATUSES);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export function isValidForProcessing(status: ConsentStatus): boolean {
  return status === "ConsentGiven" || status === "RenewedConsentGiven";
}

export const MEDIA = [
  "film",
  "television",
  "streaming",
  "games",
  "audio",
  "advertising",
  "web",
  "live",
  "any",
] as const;
export const mediaSchema = z.enum(MEDIA);

/** "WORLD" or ISO 3166-1 alpha-2 codes. */
export const territorySchema = z.union([z.literal("WORLD"), countryCodeSchema]);

/** What a grant allows, or a request asks for: every field narrows it. */
export const scopeSchema = z
  .object({
    useTypes: z.array(useTypeSchema).min(1).max(USE_TYPES.length),
    generative: z.boolean(),
    /** Agreements demand new consent for each project: a grant names one, or null for any. */
    project: z.string().trim().min(1).max(200).nullable(),
    media: z.array(mediaSchema).min(1).max(MEDIA.length),
    territories: z.array(territorySchema).min(1).max(250),
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .refine((scope) => scope.from <= scope.to, { path: ["to"], message: "The period ends before it starts" });
export type Scope = z.infer<typeof scopeSchema>;

export const termsSchema = z.object({
  fee: z.object({ amount: decimalAmountSchema, currency: currencyCodeSchema }).nullable(),
  /** Share of revenue, in percent. */
  royaltyPercent: z.number().min(0).max(100).nullable(),
  credit: z.string().trim().min(1).max(200).nullable(),
});
export type Terms = z.infer<typeof termsSchema>;

// ---------------------------------------------------------------------------------------------
// Permission checks
// ---------------------------------------------------------------------------------------------

export const IDENTIFIER_SCHEMES = ["isrc", "iswc", "isan", "doi", "iscc", "url"] as const;
export const identifierSchemeSchema = z.enum(IDENTIFIER_SCHEMES);
export type IdentifierScheme = z.infer<typeof identifierSchemeSchema>;

/** 64-bit near-duplicate fingerprint (SimHash of text, perceptual hash of an image), 16 hex digits. */
export const fingerprintSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{16}$/, "16 hexadecimal digits");
export const sha256HexSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "64 hexadecimal digits");

/**
 * Which asset a check is about: exactly one way of naming it. One object with a refinement, not a
 * union of four: a union tries each shape in turn and builds an error for each miss, which cost
 * more than the decision itself (bench consent-check-batch).
 */
export const assetReferenceSchema = z
  .object({
    assetId: z.uuid().optional(),
    identifier: z.object({ scheme: identifierSchemeSchema, value: z.string().trim().min(1).max(2048) }).optional(),
    sha256: sha256HexSchema.optional(),
    fingerprint: fingerprintSchema.optional(),
  })
  .strict()
  .refine((reference) => Object.keys(reference).length === 1, {
    message: "Name the asset one way: assetId, identifier, sha256 or fingerprint",
  });
export type AssetReference = z.infer<typeof assetReferenceSchema>;

export const checkItemSchema = z.object({
  asset: assetReferenceSchema,
  useType: useTypeSchema,
  generative: z.boolean(),
  territory: countryCodeSchema,
  date: isoDateSchema,
  project: z.string().trim().min(1).max(200).optional(),
  medium: mediaSchema.optional(),
});
export type CheckItem = z.infer<typeof checkItemSchema>;

export const MAX_CHECK_ITEMS = 10_000;

export const checkRequestSchema = z.object({ items: z.array(checkItemSchema).min(1).max(MAX_CHECK_ITEMS) });

/**
 * Why an answer is what it is. `grant`: a consent given to the requester covers the use.
 * `policy`: the asset's own policy allows it. Everything else says no: `no_consent` (nothing
 * covers it; unknown means no), `unknown_asset`, `consent_invalid` (refused, withdrawn, revoked, expired: DPV's invalid-for-processing branch),
 * `suspended` (a strike in the member's union).
 */
export const CHECK_REASONS = [
  "grant",
  "policy",
  "no_consent",
  "unknown_asset",
  "consent_invalid",
  "suspended",
] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];

export const checkAnswerSchema = z.object({
  permitted: z.boolean(),
  reason: z.enum(CHECK_REASONS),
  /** The DPV status of the consent that decided, when there is one the requester may know of. */
  status: consentStatusSchema.nullable(),
  /** The asset, when the requester named it in a way that matched exactly one. */
  assetId: z.uuid().nullable(),
  grantId: z.uuid().nullable(),
  terms: termsSchema.nullable(),
  /** The transparency-log entry of the decisive event, and where its proof bundle is. */
  log: logReferenceSchema.nullable(),
});
export type CheckAnswer = z.infer<typeof checkAnswerSchema>;

// ---------------------------------------------------------------------------------------------
// Registry API
// ---------------------------------------------------------------------------------------------

export const WORK_KINDS = ["text", "image", "audio", "video", "performance"] as const;
export const ATTRIBUTES = ["voice", "likeness", "name", "signature_style"] as const;

const identifierInputSchema = z.object({ scheme: identifierSchemeSchema, value: z.string().trim().min(1).max(2048) });
const titleSchema = z.string().trim().min(1).max(300);
const permittedUsesSchema = z.array(useTypeSchema).max(USE_TYPES.length).default([]);

export const assetInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("work"),
    workKind: z.enum(WORK_KINDS),
    title: titleSchema,
    identifiers: z.array(identifierInputSchema).max(20).default([]),
    sha256: sha256HexSchema.optional(),
    fingerprint: fingerprintSchema.optional(),
    permittedUses: permittedUsesSchema,
  }),
  z.object({
    kind: z.literal("attribute"),
    attribute: z.enum(ATTRIBUTES),
    title: titleSchema,
    permittedUses: permittedUsesSchema,
  }),
]);
export type AssetInput = z.infer<typeof assetInputSchema>;

export const assetSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  kind: z.enum(["work", "attribute"]),
  workKind: z.enum(WORK_KINDS).nullable(),
  attribute: z.enum(ATTRIBUTES).nullable(),
  title: z.string(),
  identifiers: z.array(z.object({ scheme: identifierSchemeSchema, value: z.string() })),
  sha256: z.string().nullable(),
  fingerprint: z.string().nullable(),
  permittedUses: z.array(useTypeSchema),
  createdAt: z.iso.datetime(),
  log: logReferenceSchema.nullable(),
});
export type Asset = z.infer<typeof assetSchema>;

export const consentRequestInputSchema = z.object({
  asset: assetReferenceSchema,
  /** The agreement the engagement is under; its AI clauses are checked. */
  agreementId: z.string().trim().min(1).max(120).nullable(),
  scope: scopeSchema,
  terms: termsSchema,
  /** When the first session (a scan, a recording) or use is planned. */
  startsAt: z.iso.datetime({ offset: true }),
});
export type ConsentRequestInput = z.infer<typeof consentRequestInputSchema>;

export const TERM_RULES = ["notice", "project", "pay", "pay_unclear", "strike", "minor", "post_mortem"] as const;

export const termProblemSchema = z.object({
  outcome: z.enum(["refuse", "flag"]),
  rule: z.enum(TERM_RULES),
  required: z.string().nullable(),
  offered: z.string().nullable(),
  clause: z.object({
    agreementId: z.string(),
    clauseId: z.string(),
    articleRef: z.string().nullable(),
    code: z.string(),
  }),
});

export const consentGrantSchema = z.object({
  id: z.uuid(),
  scope: scopeSchema,
  terms: termsSchema,
  status: consentStatusSchema,
  grantedAt: z.iso.datetime(),
  changedAt: z.iso.datetime(),
  log: logReferenceSchema.nullable(),
});

export const consentRequestSchema = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetTitle: z.string(),
  requesterId: z.uuid(),
  requesterName: z.string(),
  agreementId: z.string().nullable(),
  scope: scopeSchema,
  terms: termsSchema,
  startsAt: z.iso.datetime(),
  requestedAt: z.iso.datetime(),
  status: consentStatusSchema,
  problems: z.array(termProblemSchema),
  grant: consentGrantSchema.nullable(),
  log: logReferenceSchema.nullable(),
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

export const consentAnswerInputSchema = z.discriminatedUnion("decision", [
  /** `scope` narrows what was asked; absent, the request's own scope is granted. */
  z.object({ decision: z.literal("grant"), scope: scopeSchema.optional() }),
  z.object({ decision: z.literal("decline") }),
]);
export type ConsentAnswerInput = z.infer<typeof consentAnswerInputSchema>;

/** Whether `inner` asks for nothing `outer` does not: a grant may narrow a request, never widen it. */
export function isWithinScope(inner: Scope, outer: Scope): boolean {
  const subset = <T>(a: readonly T[], b: readonly T[], all: T) => b.includes(all) || a.every((x) => b.includes(x));
  return (
    inner.useTypes.every((use) => outer.useTypes.includes(use)) &&
    (outer.generative || !inner.generative) &&
    (outer.project === null || inner.project === outer.project) &&
    subset(inner.media, outer.media, "any") &&
    subset(inner.territories, outer.territories, "WORLD") &&
    outer.from <= inner.from &&
    inner.to <= outer.to
  );
}

// ---------------------------------------------------------------------------------------------
// Consent records (ISO/IEC TS 27560, field names as mapped by the W3C DPV guide) and receipts
// (Kantara Consent Receipt v1.1)
// ---------------------------------------------------------------------------------------------

export const consentRecordSchema = z.object({
  schema_version: z.literal("ISO/IEC TS 27560:2023"),
  record_id: z.uuid(),
  /** Whose consent: the member, named only to the member; the requester sees the asset. */
  pii_principal_id: z.string(),
  processing: z.object({
    purposes: z.array(z.string()),
    purpose_type: z.literal("dpv:ServiceProvision"),
    lawful_basis: z.literal("dpv:Consent"),
    pii_information: z.array(z.string()),
    pii_controllers: z.array(z.string()),
    processing_locations: z.array(z.string()),
    geographic_restrictions: z.array(z.string()),
    retention_period: z.string(),
    jurisdiction: z.array(z.string()),
    withdrawal_method: z.string(),
    privacy_notice: z.string(),
    language: z.string(),
    storage_locations: z.array(z.string()),
    recipient_third_parties: z.array(z.string()),
    service: z.string(),
    terms: termsSchema,
  }),
  events: z.array(
    z.object({
      event_time: z.iso.datetime(),
      validity_duration: z.string().nullable(),
      entity_id: z.string(),
      event_type: z.string(),
      event_state: consentStatusSchema,
      log: logReferenceSchema.nullable(),
    }),
  ),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentReceiptSchema = z.object({
  version: z.literal("KI-CR-v1.1.0"),
  jurisdiction: z.string(),
  consentTimestamp: z.number().int(),
  collectionMethod: z.string(),
  consentReceiptID: z.uuid(),
  language: z.string(),
  piiPrincipalId: z.string(),
  piiControllers: z.array(
    z.object({ piiController: z.string(), onBehalf: z.boolean(), contact: z.string(), piiControllerUrl: z.string() }),
  ),
  policyUrl: z.string(),
  services: z.array(
    z.object({
      service: z.string(),
      purposes: z.array(
        z.object({
          purpose: z.string(),
          purposeCategory: z.array(z.string()),
          consentType: z.literal("EXPLICIT"),
          piiCategory: z.array(z.string()),
          primaryPurpose: z.boolean(),
          termination: z.string(),
          thirdPartyDisclosure: z.boolean(),
        }),
      ),
    }),
  ),
  sensitive: z.boolean(),
  spiCat: z.array(z.string()),
});
export type ConsentReceipt = z.infer<typeof consentReceiptSchema>;
