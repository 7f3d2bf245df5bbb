import { z } from "zod";
import { type TaxonomyCode, taxonomyCodeSchema } from "../../../../common/agreements.ts";
import {
  type AgreementDetail,
  type AgreementSearchResult,
  type AgreementSummary,
  agreementDetailSchema,
  agreementSearchResultSchema,
  type CompareResult,
  compareResultSchema,
} from "../../../../common/agreements-api.ts";
import { apiRequest } from "../../lib/api.ts";

export type AgreementWithBaselines = AgreementDetail;

const taxonomyResponseSchema = z.object({ version: z.string(), codes: z.array(taxonomyCodeSchema) });
export type TaxonomyResponse = z.infer<typeof taxonomyResponseSchema>;

/** `query` is the library's own query string (see search-state.ts), passed on as is. */
export function searchAgreements(query: string): Promise<AgreementSearchResult> {
  return apiRequest(`/api/v1/agreements${query ? `?${query}` : ""}`, { schema: agreementSearchResultSchema });
}

export function getAgreement(id: string): Promise<AgreementWithBaselines> {
  return apiRequest(`/api/v1/agreements/${encodeURIComponent(id)}`, { schema: agreementDetailSchema });
}

// The taxonomy and the list of the library's countries change only when the library is reloaded:
// one request per visit serves every page. A failed request is forgotten, so the next page retries.
let taxonomyRequest: Promise<TaxonomyResponse> | null = null;
let overviewRequest: Promise<AgreementSearchResult> | null = null;

export function getTaxonomy(): Promise<TaxonomyResponse> {
  taxonomyRequest ??= apiRequest("/api/v1/agreements/taxonomy", { schema: taxonomyResponseSchema }).catch(
    (error: unknown) => {
      taxonomyRequest = null;
      throw error;
    },
  );
  return taxonomyRequest;
}

/** The unfiltered library's facets: every country and code there is, whatever the current filters. */
export function getLibraryOverview(): Promise<AgreementSearchResult> {
  overviewRequest ??= searchAgreements("pageSize=1").catch((error: unknown) => {
    overviewRequest = null;
    throw error;
  });
  return overviewRequest;
}

export function codeIndex(codes: readonly TaxonomyCode[]): Map<string, TaxonomyCode> {
  return new Map(codes.map((code) => [code.code, code]));
}

/** Every agreement's id, title and countries, for choosing what to compare. */
export async function listAllAgreements(): Promise<AgreementSummary[]> {
  const all: AgreementSummary[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const result = await searchAgreements(`pageSize=100&page=${page}`);
    all.push(...result.results);
    if (all.length >= result.total || result.results.length === 0) {
      break;
    }
  }
  return all;
}

/** `query` is built by compare-state.ts. */
export function compareAgreements(query: string): Promise<CompareResult> {
  return apiRequest(`/api/v1/agreements/compare?${query}`, { schema: compareResultSchema });
}
