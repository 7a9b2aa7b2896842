import { FileCode, Play } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBytes } from "@/lib/format-bytes";
import { runAsJobCommand, runAsJobHref } from "@/lib/job-command";
import type { TFileEntry } from "@/server/files/list-files";
import { workspaceUrl } from "@/components/editor/file-urls";
import { FileIcon, fileKind } from "./file-icon";

/** The project's files, each opening in the editor; scripts and notebooks get "Run as job" when the viewer may submit jobs. */
export function FilesTable({ files, projectSlug, canRun = false }: { files: TFileEntry[]; projectSlug: string; canRun?: boolean }) {
  if (files.length === 0) {
    return (
      <EmptyState icon={FileCode} title="No files yet" className="m-5">
        Files you add to this project (code, notebooks, configs) will be listed here.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Path</TableHead>
          <TableHead className="w-20 text-right">Size</TableHead>
          <TableHead className="hidden w-16 text-right sm:table-cell">Version</TableHead>
          <TableHead className="hidden w-56 md:table-cell">Last change</TableHead>
          {canRun ? (
            <TableHead className="w-12 md:w-32">
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((file) => {
          const slash = file.path.lastIndexOf("/");
          const dir = slash >= 0 ? file.path.slice(0, slash + 1) : "";
          const name = file.path.slice(slash + 1);
          const run = canRun ? runAsJobHref(projectSlug, file.path) : null;
          const command = runAsJobCommand(file.path);
          return (
            <TableRow key={file.id}>
              <TableCell className="max-w-0">
                <Link
                  href={workspaceUrl(projectSlug, file.path)}
                  className="flex items-center gap-2.5 rounded-sm outline-none hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  title={`Open ${file.path} (${fileKind(file.path).kind} file)`}
                >
                  <FileIcon path={file.path} />
                  <span className="truncate font-mono text-[13px]">
                    {dir ? <span className="text-muted-foreground">{dir}</span> : null}
                    {name}
                  </span>
                </Link>
              </TableCell>
              <TableCell className="text-right tabular-nums text-muted-foreground">{formatBytes(file.sizeBytes)}</TableCell>
              <TableCell className="hidden text-right tabular-nums text-muted-foreground sm:table-cell">v{file.version}</TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">
                <span className="block truncate">
                  {file.updatedBy ? (
                    <span className="text-foreground/85">{file.updatedBy.name ?? file.updatedBy.email}</span>
                  ) : (
                    "Unknown"
                  )}
                  {" · "}
                  <RelativeTime date={file.updatedAt} />
                </span>
              </TableCell>
              {canRun ? (
                <TableCell className="py-0 text-right">
                  {run ? (
                    <Link
                      href={run}
                      aria-label={`Run ${file.path} as a job`}
                      title={command ? `Run as a job: ${command}` : "Run this notebook headless as a job (every cell, in order; the executed copy is kept)"}
                      className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-primary focus-visible:ring-[3px] focus-visible:ring-ring/50"
                    >
                      <Play className="size-3.5" aria-hidden />
                      <span className="hidden md:inline">Run as job</span>
                    </Link>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
