import { z } from "zod";
import {
  agreementSchema,
  countryBaselineSchema,
  SECTORS,
  TAXONOMY_FAMILIES,
  typedCountryCodeSchema,
} from "./agreements.ts";
import { logReferenceSchema } from "./transparency.ts";

/** Query of `GET /api/v1/agreements`: full text plus filters, paginated. */
export const agreementSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  country: typedCountryCodeSchema.optional(),
  sector: z.enum(SECTORS).optional(),
  /** A taxonomy code the agreement must code as present, e.g. AI.NOTICE. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]+(\.[A-Z0-9_]+)+$/, "a taxonomy code such as AI.NOTICE")
    .optional(),
  /** Bounds on the code's value (hours for durations, the amount for money); needs `code`. */
  min: z.coerce.number().optional(),
  max: z.coerce.number().optional(),
  covers: z.enum(["employees", "freelancers", "influencers", "background", "minors"]).optional(),
  inForceOn: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AgreementSearchQuery = z.infer<typeof agreementSearchQuerySchema>;

/** A piece of a highlighted snippet: the words that matched the query have `match: true`. */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });

export const agreementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  countries: z.array(z.string()),
  sectors: z.array(z.string()),
  level: z.string(),
  status: z.string(),
  inForceFrom: z.string().nullable(),
  inForceTo: z.string().nullable(),
  parties: z.array(z.string()),
  snippets: z.array(
    z.object({ clauseId: z.string(), articleRef: z.string().nullable(), parts: z.array(snippetPartSchema) }),
  ),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const agreementSearchResultSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  results: z.array(agreementSummarySchema),
  facets: z.object({ countries: facetSchema, sectors: facetSchema, codes: facetSchema }),
});
export type AgreementSearchResult = z.infer<typeof agreementSearchResultSchema>;

export const taxonomyFamilyParamSchema = z.enum(TAXONOMY_FAMILIES);

/** Query of `GET /api/v1/agreements/compare`: agreements by id (or all) against codes or families. */
export const compareQuerySchema = z.object({
  /** Comma-separated agreement ids; all agreements when absent. */
  ids: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, "comma-separated agreement ids")
    .transform((value) => value.split(","))
    .pipe(z.array(z.string()).max(200, "at most 200 agreements"))
    .optional(),
  /** Comma-separated taxonomy codes. */
  codes: z
    .string()
    .regex(/^[A-Z]+(\.[A-Z0-9_]+)+(,[A-Z]+(\.[A-Z0-9_]+)+)*$/, "comma-separated taxonomy codes")
    .transform((value) => value.split(","))
    .optional(),
  /** Comma-separated families (AI,JOB,ALGO,PART for the AI provisions view). */
  families: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(z.enum(TAXONOMY_FAMILIES)))
    .optional(),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

export const compareCellFindingSchema = z.object({
  clauseId: z.string(),
  articleRef: z.string().nullable(),
  present: z.string(),
  value: z.unknown(),
  evidence: z.array(z.object({ url: z.string(), basis: z.string(), note: z.string() })),
});

export const compareResultSchema = z.object({
  agreements: z.array(z.object({ id: z.string(), title: z.string(), countries: z.array(z.string()) })),
  codes: z.array(z.string()),
  /** One cell per (code, agreement) that has findings; an absent cell means no data, not "no". */
  cells: z.array(z.object({ code: z.string(), agreementId: z.string(), findings: z.array(compareCellFindingSchema) })),
});
export type CompareResult = z.infer<typeof compareResultSchema>;

/** One entry of an agreement's history: what happened, when, and which union's officer did it. */
export const agreementChangeSchema = z.object({
  action: z.enum(["created", "updated"]),
  changedAt: z.iso.datetime(),
  organizationName: z.string(),
  /** The transparency log's entry for this version; null for changes recorded before the log's indexes were kept. */
  log: logReferenceSchema.nullable(),
});
export type AgreementChange = z.infer<typeof agreementChangeSchema>;

/**
 * `GET /api/v1/agreements/:id`: the agreement, its countries' statutory baselines, and the
 * transparency log's entry for its latest saved version (null if saved before indexes were kept).
 */
export const agreementDetailSchema = agreementSchema.extend({
  baselines: z.array(countryBaselineSchema),
  log: logReferenceSchema.nullable(),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;
