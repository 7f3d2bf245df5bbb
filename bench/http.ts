import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import type { FastifyInstance } from "fastify";
import type { MeasureContext, Measurement } from "./harness.ts";

export interface HttpTarget {
  /** What is being measured, in a few words. */
  label: string;
  /** Must be a loopback URL (http://127.0.0.1:PORT/...). */
  url: string;
  headers?: Record<string, string>;
  /** POST this JSON body instead of a GET; several are sent in turn by each connection. */
  postJson?: string | string[];
  /** Checks the preflight response body; returns what is wrong, or undefined when it is right. */
  checkBody?: (body: unknown) => string | undefined;
  /** Extra lines for the report. */
  details?: string[];
}

/** Listens on 127.0.0.1 with a free port and returns the base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * Measures GET (or, with `postJson`, POST) throughput and latency of `target.url` with autocannon: a preflight request that
 * must answer 200 (anything else throws: error responses are never measured), an optional
 * warm-up, then a run of `settings.seconds`. Non-2xx responses and socket errors during the run
 * are reported as problems, which mark the measurement invalid.
 */
export async function measureGet(context: MeasureContext, target: HttpTarget): Promise<Measurement> {
  const { settings } = context;
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(target.url)) throw new Error(`Not a loopback URL: ${target.url}`);
  await preflight(target);

  const options: autocannon.Options = {
    url: target.url,
    headers: requestHeaders(target),
    ...postOptions(target),
    connections: settings.connections,
    pipelining: 1,
    timeout: 10,
    ...(settings.workers > 0 ? { workers: settings.workers } : {}),
  };
  if (settings.warmupSeconds > 0) {
    context.progress(`warming up for ${settings.warmupSeconds} s`);
    const warmup = await autocannon({ ...options, duration: settings.warmupSeconds });
    if (warmup.non2xx > 0 || warmup.errors > 0) {
      throw new Error(
        `warm-up of ${target.label} got ${warmup.non2xx} non-2xx responses (${describeStatusCodes(warmup)}) and ${warmup.errors} errors; not measuring.`,
      );
    }
  }
  context.progress(`measuring for ${settings.seconds} s`);
  const result = await autocannon({ ...options, duration: settings.seconds });

  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses (${describeStatusCodes(result)})`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors, of which ${result.timeouts} timeouts`);
  if (result["2xx"] === 0) problems.push("no successful response at all");
  return {
    label: target.label,
    metrics: [
      { name: "throughput (mean)", unit: "req/s", value: result.requests.mean, better: "higher" },
      { name: "latency p50", unit: "ms", value: result.latency.p50, better: "lower" },
      { name: "latency p99", unit: "ms", value: result.latency.p99, better: "lower" },
    ],
    details: [
      ...(target.details ?? []),
      `${result.requests.total.toLocaleString("en-US")} responses in ${result.duration} s ` +
        `(2xx ${result["2xx"].toLocaleString("en-US")}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}); ` +
        `req/s per second sampled: min ${fmt(result.requests.min)}, max ${fmt(result.requests.max)}, stddev ${fmt(result.requests.stddev)}; ` +
        `latency mean ${result.latency.mean.toFixed(2)} ms, max ${result.latency.max} ms`,
    ],
    problems,
  };
}

async function preflight(target: HttpTarget): Promise<void> {
  const response = await fetch(target.url, {
    headers: requestHeaders(target),
    ...(target.postJson === undefined ? {} : { method: "POST", body: [target.postJson].flat()[0] }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(
      `preflight: GET ${target.url} for ${target.label} answered ${response.status}, not 200; not measuring. Body: ${text.slice(0, 300)}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`preflight: GET ${target.url} answered 200 but not JSON: ${text.slice(0, 300)}`);
  }
  const wrong = target.checkBody?.(body);
  if (wrong)
    throw new Error(`preflight: GET ${target.url} answered 200 with the wrong body (${wrong}): ${text.slice(0, 300)}`);
}

function postOptions(target: HttpTarget): Partial<autocannon.Options> {
  if (target.postJson === undefined) return {};
  if (typeof target.postJson === "string") return { method: "POST", body: target.postJson };
  return { method: "POST", requests: target.postJson.map((body) => ({ method: "POST" as const, body })) };
}

function requestHeaders(target: HttpTarget): Record<string, string> {
  return target.postJson === undefined
    ? (target.headers ?? {})
    : { "content-type": "application/json", ...(target.headers ?? {}) };
}

function describeStatusCodes(result: autocannon.Result): string {
  const stats = result.statusCodeStats ?? {};
  return (
    Object.entries(stats)
      .map(([status, { count }]) => `${status}: ${count ?? 0}`)
      .join(", ") || "no status codes recorded"
  );
}

function fmt(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 0 });
}
