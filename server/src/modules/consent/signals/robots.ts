import { AIPREF_DRAFT, aipref } from "./aipref.ts";
import { allOpen, MODEL_INPUT, readPolicy, type SignalPolicy, TEXT_AND_DATA_MINING } from "./policy.ts";
import { TDMREP_WELL_KNOWN_PATH } from "./tdmrep.ts";

// robots.txt lines (RFC 9309, with the AIPREF Content-Usage rule) for a member's own site.
// robots.txt governs crawling, not use, and only per site: it cannot protect a voice or a likeness
// published elsewhere. Crawlers are listed by product token with what their operators say they
// do (source: the ai-robots-txt/ai.robots.txt community list, robots.json):
//
// - AI_TRAINING_CRAWLERS collect training data. They are disallowed from the member's paths
//   unless every kind of training is open (permitted, and nothing to pay).
// - AI_INPUT_AGENTS fetch pages to put into a model's answer (assistants, AI search). They are
//   disallowed unless using the work as model input is open.
//
// Every group, including `User-agent: *`, carries the AIPREF Content-Usage rule for each path
// (it applies only where crawling is allowed). No `Allow:` lines are emitted: the lines are meant
// to be added to the member's existing robots.txt, and RFC 9309 merges groups for the same
// agent, where an `Allow: /` would tie with, and so override, the member's own `Disallow: /`.

export interface Crawler {
  /** The robots.txt product token (RFC 9309 §2.2.1: letters, "-" and "_"). */
  token: string;
  operator: string;
}

export const AI_TRAINING_CRAWLERS: readonly Crawler[] = [
  { token: "GPTBot", operator: "OpenAI" },
  { token: "ClaudeBot", operator: "Anthropic" },
  { token: "anthropic-ai", operator: "Anthropic" },
  { token: "Google-Extended", operator: "Google" },
  { token: "Applebot-Extended", operator: "Apple" },
  { token: "CCBot", operator: "Common Crawl" },
  { token: "Meta-ExternalAgent", operator: "Meta" },
  { token: "Bytespider", operator: "ByteDance" },
  { token: "cohere-training-data-crawler", operator: "Cohere" },
];

export const AI_INPUT_AGENTS: readonly Crawler[] = [
  { token: "ChatGPT-User", operator: "OpenAI" },
  { token: "OAI-SearchBot", operator: "OpenAI" },
  { token: "Claude-User", operator: "Anthropic" },
  { token: "Claude-SearchBot", operator: "Anthropic" },
  { token: "PerplexityBot", operator: "Perplexity" },
  { token: "Perplexity-User", operator: "Perplexity" },
  { token: "Meta-ExternalFetcher", operator: "Meta" },
  { token: "MistralAI-User", operator: "Mistral AI" },
  { token: "DuckAssistBot", operator: "DuckDuckGo" },
];

/** The lines to add to the member's robots.txt, without line terminators. */
export function robotsTxt(policy: SignalPolicy): string[] {
  const read = readPolicy(policy);
  const contentUsage = aipref(policy).robotsTxt;
  const blocked = [
    ...(allOpen(read, TEXT_AND_DATA_MINING) ? [] : AI_TRAINING_CRAWLERS),
    ...(allOpen(read, MODEL_INPUT) ? [] : AI_INPUT_AGENTS),
  ];
  const lines = [
    `# Guildhall: AI-use preferences of ${read.assigner.name}`,
    `# Policy, and where to ask for consent: ${read.policyUrl}`,
    `# TDM reservation: ${TDMREP_WELL_KNOWN_PATH}; Content-Usage: ${AIPREF_DRAFT.vocab}, ${AIPREF_DRAFT.attach}`,
  ];
  for (const crawler of blocked) {
    lines.push("", `User-agent: ${crawler.token}`, ...read.paths.map((path) => `Disallow: ${path}`), ...contentUsage);
  }
  lines.push("", "User-agent: *", ...contentUsage);
  return lines;
}
