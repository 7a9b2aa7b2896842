// The CLI's REST types (cli/api/openapi.ts) are generated from the OpenAPI document the app
// serves; this fails when a route changed and `npm run openapi:types` was not run.
import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fetchOpenApiDocument, GENERATED, generateOpenApiTypes } from "../scripts/openapi-types";

describe("cli/api/openapi.ts", () => {
  it("is what openapi-typescript makes of today's /api/v1/openapi.json (else: npm run openapi:types)", async () => {
    const doc = await fetchOpenApiDocument();
    expect(Object.keys(doc.paths as object)).toContain("/jobs/{jobId}");
    const fresh = await generateOpenApiTypes(doc);
    // Not toBe: a stale file would print both 6,000-line texts.
    const committed = await fs.readFile(GENERATED, "utf8");
    expect(committed === fresh, "cli/api/openapi.ts is stale: run `npm run openapi:types` and commit it").toBe(true);
  });
});
