import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ GUILDHALL_RATE_LIMIT_PER_MINUTE: "5" });
});
afterAll(() => t.close());

describe("[PLATFORM] HTTP", () => {
  it("answers health and readiness, the latter from the database", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ method: "GET", url: "/api/ready" })).json()).toEqual({ status: "ready" });
  });

  it("sends a strict Content-Security-Policy and other security headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("answers unknown API paths with a JSON not_found", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });

  it("refuses malformed JSON with a clear 400 and no internals", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("serves the OpenAPI document generated from the route schemas, and its reference page", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(spec.openapi).toBe("3.1.0");
    const signIn = spec.paths["/api/v1/auth/sign-in"].post;
    expect(Object.keys(signIn.requestBody.content["application/json"].schema.properties)).toEqual([
      "email",
      "password",
      "totpCode",
    ]);
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "429"]));
    const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
  });

  it("limits the request rate per client and says when to retry", async () => {
    let last = await t.app.inject({ method: "GET", url: "/api/v1/organizations" });
    for (let i = 0; i < 6; i++) last = await t.app.inject({ method: "GET", url: "/api/v1/organizations" });
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe("rate_limited");
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  });
});
