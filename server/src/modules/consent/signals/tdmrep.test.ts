import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tdmPolicy, tdmrepHeaders, tdmrepWellKnown } from "./tdmrep.ts";
import { EVERY_USE, jsonFixture, samplePolicy } from "./test-helpers.ts";

// Transcribed from W3C TDMRep (CG-FINAL), w3c/tdm-reservation-protocol:spec/index.html.

/** #sec-tdm-file: an array of rules; `location` and `tdm-reservation` mandatory, `tdm-policy` optional. */
const tdmrepFileSchema = z.array(
  z
    .object({
      location: z.string().startsWith("/"),
      /** #sec-tdm-reservation: 1 reserved, 0 not reserved; any other value is a protocol error. */
      "tdm-reservation": z.union([z.literal(0), z.literal(1)]),
      /** #sec-tdm-policy: a URL pointing to a TDM Policy. */
      "tdm-policy": z.url().optional(),
    })
    .strict(),
);

/** #sec-policy: the TDM Policy, an ODRL 2.2 profile. */
const tdmPolicySchema = z
  .object({
    /** #sec-odrl-profile-context: the ODRL context, plus the `tdm` alias since `tdm:mine` is used. */
    "@context": z.tuple([
      z.literal("http://www.w3.org/ns/odrl.jsonld"),
      z.object({ tdm: z.literal("http://www.w3.org/ns/tdmrep#") }).strict(),
    ]),
    /** #sec-odrl-profile-context: a policy identifier, as a URI. */
    uid: z.url(),
    /** #sec-odrl-profile-type */
    "@type": z.literal("Offer"),
    /** #sec-odrl-profile-identification */
    profile: z.literal("http://www.w3.org/ns/tdmrep"),
    /** #sec-odrl-profile-assigner: one assigner, with a limited set of vCard properties. */
    assigner: z
      .object({
        uid: z.url().optional(),
        "vcard:fn": z.string().min(1).optional(),
        "vcard:nickname": z.string().min(1).optional(),
        "vcard:hasEmail": z
          .string()
          .regex(/^mailto:[^\s@]+@[^\s@]+$/)
          .optional(),
        "vcard:hasAddress": z
          .object({
            "vcard:street-address": z.string(),
            "vcard:postal-code": z.string(),
            "vcard:locality": z.string(),
            "vcard:country-name": z.string(),
          })
          .partial()
          .strict()
          .optional(),
        "vcard:hasTelephone": z.string().startsWith("tel:").optional(),
        "vcard:hasURL": z.url().optional(),
      })
      .strict(),
    /** #sec-odrl-profile-permissions: one permission (and no obligation or prohibition). */
    permission: z
      .array(
        z
          .object({
            target: z.url().optional(),
            action: z.literal("tdm:mine"),
            duty: z
              .array(z.object({ action: z.enum(["obtainConsent", "compensate"]) }).strict())
              .min(1)
              .optional(),
            constraint: z
              .array(
                z
                  .object({
                    leftOperand: z.literal("purpose"),
                    operator: z.literal("eq"),
                    rightOperand: z.enum(["tdm:research", "tdm:non-research"]),
                  })
                  .strict(),
              )
              .optional(),
          })
          .strict(),
      )
      .length(1),
  })
  .strict();

const keysOf = (value: object) => Object.keys(value).sort();

describe("the transcribed TDMRep schemas", () => {
  it("accept every published example and reject what the spec calls protocol errors", () => {
    for (const file of jsonFixture<unknown[]>("tdmrep-well-known.examples.json")) tdmrepFileSchema.parse(file);
    for (const policy of jsonFixture<unknown[]>("tdmrep-policy.examples.json")) tdmPolicySchema.parse(policy);
    expect(tdmrepFileSchema.safeParse([{ location: "/", "tdm-reservation": 2 }]).success).toBe(false);
    expect(tdmrepFileSchema.safeParse({ location: "/", "tdm-reservation": 1 }).success).toBe(false);
    expect(tdmrepFileSchema.safeParse([{ "tdm-reservation": 1 }]).success).toBe(false);
  });
});

describe("tdmrepWellKnown", () => {
  it("reserves TDM rights on every path and points to the policy by default", () => {
    const rules = tdmrepWellKnown(samplePolicy({ paths: ["/", "/portfolio/*.jpg"] }));
    expect(tdmrepFileSchema.parse(rules)).toEqual([
      { location: "/", "tdm-reservation": 1, "tdm-policy": "https://guildhall.example/consent/policies/0b6f3c1e" },
      {
        location: "/portfolio/*.jpg",
        "tdm-reservation": 1,
        "tdm-policy": "https://guildhall.example/consent/policies/0b6f3c1e",
      },
    ]);
    // The published example with a policy has the same keys.
    const [, withPolicy] = jsonFixture<object[][]>("tdmrep-well-known.examples.json");
    expect(keysOf(rules[0] ?? {})).toEqual(keysOf(withPolicy?.[1] ?? {}));
  });

  it('defaults to the whole site, like the spec\'s "opt-out for every file" example', () => {
    const [optOut] = jsonFixture<object[][]>("tdmrep-well-known.examples.json");
    const rules = tdmrepWellKnown(samplePolicy());
    expect(rules.map(({ location, "tdm-reservation": r }) => ({ location, "tdm-reservation": r }))).toEqual(optOut);
  });

  it("does not reserve, and names no policy, only when every training use is permitted and free", () => {
    expect(tdmrepWellKnown(samplePolicy({ permittedUses: EVERY_USE }))).toEqual([
      { location: "/", "tdm-reservation": 0 },
    ]);
    expect(tdmrepWellKnown(samplePolicy({ permittedUses: ["training", "fine_tuning"] }))[0]?.["tdm-reservation"]).toBe(
      1,
    );
    expect(
      tdmrepWellKnown(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true }))[0]?.["tdm-reservation"],
    ).toBe(1);
  });

  it("gives the same answer as HTTP header fields for assets Guildhall serves", () => {
    expect(tdmrepHeaders(samplePolicy())).toEqual({
      "tdm-reservation": "1",
      "tdm-policy": "https://guildhall.example/consent/policies/0b6f3c1e",
    });
    expect(tdmrepHeaders(samplePolicy({ permittedUses: EVERY_USE }))).toEqual({ "tdm-reservation": "0" });
  });

  it("refuses paths that would break the file's patterns or a robots.txt", () => {
    expect(() => tdmrepWellKnown(samplePolicy({ paths: ["portfolio/"] }))).toThrow();
    expect(() => tdmrepWellKnown(samplePolicy({ paths: ["/a b/"] }))).toThrow();
    expect(() => tdmrepWellKnown(samplePolicy({ paths: ["/a\nUser-agent: *"] }))).toThrow();
  });
});

describe("tdmPolicy", () => {
  it("offers mining with the duty to obtain consent, the assigner as vCard, as in the spec's first full example", () => {
    const policy = tdmPolicySchema.parse(tdmPolicy(samplePolicy()));
    expect(policy).toEqual({
      "@context": ["http://www.w3.org/ns/odrl.jsonld", { tdm: "http://www.w3.org/ns/tdmrep#" }],
      "@type": "Offer",
      profile: "http://www.w3.org/ns/tdmrep",
      uid: "https://guildhall.example/consent/policies/0b6f3c1e",
      assigner: {
        uid: "https://guildhall.example/members/ana-ruiz",
        "vcard:fn": "Ana Ruiz",
        "vcard:hasEmail": "mailto:ana.ruiz@example.org",
        "vcard:hasURL": "https://guildhall.example/consent/policies/0b6f3c1e",
      },
      permission: [{ action: "tdm:mine", duty: [{ action: "obtainConsent" }] }],
    });
    const [published] = jsonFixture<Record<string, object>[]>("tdmrep-policy.examples.json");
    expect(keysOf(policy)).toEqual(keysOf(published ?? {}));
    expect(policy.permission).toEqual(published?.permission);
  });

  it("adds the duty to compensate when the member requires pay", () => {
    const policy = tdmPolicy(samplePolicy({ compensationRequired: true }));
    expect(policy.permission[0].duty).toEqual([{ action: "obtainConsent" }, { action: "compensate" }]);
  });

  it("asks only for payment when every training use is permitted but paid, like the spec's second full example", () => {
    const policy = tdmPolicySchema.parse(
      tdmPolicy(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true })),
    );
    const published = jsonFixture<{ permission: { duty: unknown }[] }[]>("tdmrep-policy.examples.json")[1];
    expect(policy.permission[0]?.duty).toEqual(published?.permission[0]?.duty);
  });

  it("names the asset as target when given, and leaves out what the member did not give", () => {
    const policy = tdmPolicySchema.parse(
      tdmPolicy(
        samplePolicy({
          assigner: { name: "Sindicato de Actores" },
          target: "https://guildhall.example/assets/5d1c9a70",
          permittedUses: EVERY_USE,
        }),
      ),
    );
    expect(policy.assigner).toEqual({
      "vcard:fn": "Sindicato de Actores",
      "vcard:hasURL": "https://guildhall.example/consent/policies/0b6f3c1e",
    });
    expect(policy.permission).toEqual([{ target: "https://guildhall.example/assets/5d1c9a70", action: "tdm:mine" }]);
  });
});
