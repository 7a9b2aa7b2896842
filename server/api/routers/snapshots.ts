// What a job runs on: the file contents a project holds (content-addressed) and the snapshots
// made of them. The CLI and the agent's uploads use these; the bytes themselves go through
// PUT /api/v1/blobs/{sha256} (server/rest/bytes.ts).
import { z } from "zod";
import { ZManifestEntry } from "../../../contract/agent-protocol";
import { missingBlobsFor } from "../../queue/project-blobs";
import { createSnapshot } from "../../queue/snapshots";
import { authedProcedure, createTRPCRouter, projectProcedure } from "../trpc";

const ZSha256s = z.array(z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256")).max(100_000);
const ZFiles = z.array(ZManifestEntry).max(100_000);

export const snapshotsRouter = createTRPCRouter({
  missingBlobs: authedProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/blobs/missing",
        tag: "Snapshots",
        summary: "Which of these file contents (SHA-256) the project lacks; upload those with PUT /blobs/{sha256}?project=SLUG. Without a project all are missing",
        body: z.object({
          sha256s: ZSha256s,
          project: z.string().min(1).optional().meta({ description: "The project the snapshot is for (its slug); editors" }),
        }),
        input: ({ body }) => ({ sha256s: (body as { sha256s: string[] }).sha256s, projectSlug: (body as { project?: string }).project }),
      },
    })
    .input(z.object({ sha256s: ZSha256s, projectSlug: z.string().min(1).optional() }))
    .output(z.object({ missing: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => ({ missing: await missingBlobsFor({ actorId: ctx.actor.id, projectSlug: input.projectSlug, sha256s: input.sha256s }) })),

  create: projectProcedure("editor")
    .meta({
      rest: {
        method: "POST",
        path: "/projects/{projectSlug}/snapshots",
        tag: "Snapshots",
        summary: "Freeze a set of uploaded files as a snapshot to run jobs on (editors and owners)",
        params: z.object({ projectSlug: z.string().min(1) }),
        body: z.object({ files: ZFiles }),
        status: 201,
      },
    })
    .input(z.object({ projectSlug: z.string().min(1), files: ZFiles }))
    .output(z.object({ snapshotId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      return { snapshotId: await createSnapshot({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug, manifest: { files: input.files } }) };
    }),
});
