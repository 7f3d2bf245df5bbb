import path from "node:path";
import { checkArchitecture } from "./architecture.ts";

const root = path.resolve(import.meta.dirname, "..");
const violations = checkArchitecture(root);
for (const v of violations) console.error(`${path.relative(root, v.file)}:${v.line}: ${v.message}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} architecture violation(s); see docs/ARCHITECTURE.md.`);
  process.exit(1);
}
console.log("Architecture: module boundaries respected.");
