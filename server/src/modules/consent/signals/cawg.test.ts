import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { UseType } from "../../../../../common/consent.ts";
import { CAWG_ENTRY_USES, cawgTrainingMining } from "./cawg.ts";
import { EVERY_USE, fixture, jsonFixture, samplePolicy } from "./test-helpers.ts";

// Transcribed from the CDDL of the CAWG Training and Data Mining Assertion
// (fixtures/cawg-training-mining.cddl) as amended by version 1.1: the map sits under `entries`,
// and the pre-defined labels carry the `cawg.` prefix, which is reserved to the specification.

const PREDEFINED = ["cawg.data_mining", "cawg.ai_inference", "cawg.ai_training", "cawg.ai_generative_training"];

/** training-mining-map-entry = { "use": $training-mining-choice, ? "constraint_info": tstr .size (1..) } */
const entrySchema = z
  .object({ use: z.enum(["allowed", "notAllowed", "constrained"]), constraint_info: z.string().min(1).optional() })
  .strict();

const assertionSchema = z
  .object({
    entries: z.record(z.string().min(1), z.unknown()).superRefine((entries, context) => {
      for (const [key, value] of Object.entries(entries)) {
        if (key.startsWith("cawg.") && !PREDEFINED.includes(key)) {
          context.addIssue({ code: "custom", path: [key], message: "cawg. labels are reserved" });
        }
        if (PREDEFINED.includes(key) && !entrySchema.safeParse(value).success) {
          context.addIssue({ code: "custom", path: [key], message: "not a training-mining-map-entry" });
        }
      }
    }),
    metadata: z.unknown().optional(),
  })
  .strict();

describe("the transcribed CAWG schema", () => {
  it("matches the published CDDL's choices and fields, and accepts the published examples", () => {
    const cddl = fixture("cawg-training-mining.cddl");
    for (const choice of ["allowed", "notAllowed", "constrained"]) expect(cddl).toContain(`"${choice}"`);
    expect(cddl).toContain('"use"');
    expect(cddl).toContain('? "constraint_info"');
    for (const example of jsonFixture<{ data: unknown }[]>("cawg-training-mining.examples.json")) {
      assertionSchema.parse(example.data);
    }
    expect(assertionSchema.safeParse({ entries: { "cawg.ai_training": { use: "maybe" } } }).success).toBe(false);
    expect(assertionSchema.safeParse({ entries: { "cawg.other": { use: "allowed" } } }).success).toBe(false);
    expect(
      assertionSchema.safeParse({ entries: { "cawg.data_mining": { use: "constrained", constraint_info: "" } } })
        .success,
    ).toBe(false);
  });
});

describe("cawgTrainingMining", () => {
  it("constrains every pre-defined use by default, pointing to where consent can be asked", () => {
    const data = assertionSchema.parse(cawgTrainingMining(samplePolicy()));
    const constrained = { use: "constrained", constraint_info: "https://guildhall.example/consent/policies/0b6f3c1e" };
    expect(data).toEqual({
      entries: {
        "cawg.ai_training": constrained,
        "cawg.ai_generative_training": constrained,
        "cawg.ai_inference": constrained,
        "cawg.data_mining": constrained,
      },
    });
    // Same shape as the published example: the four pre-defined keys under `entries`.
    const [published] = jsonFixture<{ data: { entries: object } }[]>("cawg-training-mining.examples.json");
    for (const key of Object.keys(published?.data.entries ?? {})) expect(Object.keys(data.entries)).toContain(key);
  });

  it("allows exactly the entries whose uses are all permitted and free", () => {
    const uses = (permittedUses: UseType[]) =>
      Object.fromEntries(
        Object.entries(cawgTrainingMining(samplePolicy({ permittedUses })).entries).map(([key, entry]) => [
          key,
          entry.use,
        ]),
      );
    expect(uses(["training", "fine_tuning"])).toEqual({
      "cawg.ai_training": "allowed",
      "cawg.ai_generative_training": "constrained",
      "cawg.ai_inference": "constrained",
      "cawg.data_mining": "allowed",
    });
    expect(uses(["inference", "real_time_generation", "digital_alteration"])).toEqual({
      "cawg.ai_training": "constrained",
      "cawg.ai_generative_training": "constrained",
      "cawg.ai_inference": "allowed",
      "cawg.data_mining": "constrained",
    });
    expect(uses(["inference"])["cawg.ai_inference"]).toBe("constrained");
    expect(new Set(Object.values(uses(EVERY_USE)))).toEqual(new Set(["allowed"]));
    const paid = cawgTrainingMining(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true }));
    expect(new Set(Object.values(paid.entries).map((entry) => entry.use))).toEqual(new Set(["constrained"]));
  });

  it("maps every Guildhall use onto at least one entry", () => {
    const covered = new Set(Object.values(CAWG_ENTRY_USES).flat());
    expect(EVERY_USE.filter((use) => !covered.has(use))).toEqual([]);
  });
});
