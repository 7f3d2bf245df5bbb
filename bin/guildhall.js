#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that no build step stands between a clone and a running server.
import { register } from "tsx/esm/api";

register();
await import("../server/src/cli.ts");
