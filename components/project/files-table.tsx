import { FileCode } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBytes } from "@/lib/format-bytes";
import type { TFileEntry } from "@/server/files/list-files";
import { FileIcon, fileKind } from "./file-icon";

export function FilesTable({ files }: { files: TFileEntry[] }) {
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
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((file) => {
          const slash = file.path.lastIndexOf("/");
          const dir = slash >= 0 ? file.path.slice(0, slash + 1) : "";
          const name = file.path.slice(slash + 1);
          return (
            <TableRow key={file.id}>
              <TableCell className="max-w-0">
                <div className="flex items-center gap-2.5" title={`${fileKind(file.path).kind} file`}>
                  <FileIcon path={file.path} />
                  <span className="truncate font-mono text-[13px]">
                    {dir ? <span className="text-muted-foreground">{dir}</span> : null}
                    {name}
                  </span>
                </div>
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
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
