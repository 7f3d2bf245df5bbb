import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error.ts";
import { installErrorHandler } from "./error-handler.ts";

async function appWith(handler: () => unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.get("/boom", handler);
  app.get("/typed", { schema: { response: { 200: z.object({ count: z.number() }) } } }, async () => ({
    count: "not a number",
  }));
  await app.ready();
  return app;
}

describe("[PLATFORM] error handler", () => {
  it("hides the internals of unexpected errors behind a stable 500", async () => {
    const app = await appWith(() => {
      throw new Error("connection to db-7.internal:5432 refused, password=hunter2");
    });
    const response = await app.inject({ method: "GET", url: "/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal", message: "Something went wrong on our side. It has been logged." },
    });
  });

  it("keeps an AppError's code, message and status", async () => {
    const app = await appWith(() => {
      throw new AppError("conflict", "Already there.");
    });
    const response = await app.inject({ method: "GET", url: "/boom" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: "conflict", message: "Already there." } });
  });

  it("turns a response that breaks its own schema into a 500, not a leak", async () => {
    const app = await appWith(() => null);
    const response = await app.inject({ method: "GET", url: "/typed" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("not a number");
  });
});
