// The slug Benchtop suggests for a project name, without zod, so the browser can import it
// (server/projects/schemas.ts pulls zod into the client bundle, about 110 KB). server/projects/schemas.ts
// re-exports it as `slugify` for the server.

/** "Protein Folding (v2)" -> "protein-folding-v2" */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug.length >= 2 ? slug : `project-${slug || "new"}`;
}
