// `npm run openapi:types`: the CLI's REST types (cli/api/openapi.ts) from the OpenAPI document
// the server serves at /api/v1/openapi.json, through openapi-typescript. The file is committed;
// tests/cli-openapi.test.ts fails when it is not what this script writes today.
//
//   npx tsx scripts/openapi-types.ts           write cli/api/openapi.ts
//   npx tsx scripts/openapi-types.ts --check   exit 1 when it is stale
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
export const GENERATED = path.resolve(here, "../cli/api/openapi.ts");

const HEADER = `// Generated from Benchtop's OpenAPI document (/api/v1/openapi.json) by openapi-typescript.
// Do not edit: run \`npm run openapi:types\` after changing a REST route; a test fails while this is stale.
`;

/** Next route files that may serve /api/v1/openapi.json, most specific first. */
const ROUTE_FILES = ["../app/api/v1/openapi.json/route.ts", "../app/api/v1/[[...path]]/route.ts"];

/** The document as the app serves it: its own route handler, asked for GET /api/v1/openapi.json. */
export async function fetchOpenApiDocument(): Promise<Record<string, unknown>> {
  for (const rel of ROUTE_FILES) {
    const file = path.resolve(here, rel);
    if (!(await fs.stat(file).catch(() => null))) continue;
    const route = (await import(file)) as { GET?: (req: Request, ctx: unknown) => Promise<Response> };
    if (!route.GET) continue;
    const res = await route.GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({ path: ["openapi.json"] }) });
    if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status} (${rel})`);
    const doc = (await res.json()) as Record<string, unknown>;
    // The one part that depends on where it is served.
    return { ...doc, servers: [{ url: "/api/v1" }] };
  }
  throw new Error(`No route serves /api/v1/openapi.json (looked at ${ROUTE_FILES.join(", ")}).`);
}

export async function generateOpenApiTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as unknown as OpenAPI3, { alphabetize: true });
  return HEADER + astToString(ast);
}

async function main() {
  // The document needs no database; these only let server/env.ts load outside a deployment.
  process.env.DATABASE_URL ??= "postgresql://localhost/benchtop";
  process.env.BENCHTOP_MODE ??= "development";
  process.env.AUTH_SECRET ??= "openapi-types-openapi-types-openapi-types-00";
  process.env.LOG_LEVEL ??= "silent";
  const text = await generateOpenApiTypes(await fetchOpenApiDocument());
  if (process.argv.includes("--check")) {
    const committed = await fs.readFile(GENERATED, "utf8").catch(() => "");
    if (committed !== text) {
      process.stderr.write(`${path.relative(process.cwd(), GENERATED)} is stale: run \`npm run openapi:types\`.\n`);
      process.exit(1);
    }
    return;
  }
  await fs.mkdir(path.dirname(GENERATED), { recursive: true });
  await fs.writeFile(GENERATED, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), GENERATED)}\n`);
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
