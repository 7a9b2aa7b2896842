"use client";

import { useQuery } from "@tanstack/react-query";
import { Database, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/trpc-errors";
import { useTRPC } from "@/components/trpc/trpc";
import { datasetEnvName } from "@/lib/dataset-env";
import { datasetRow, type DatasetRow } from "./job-form-values";

/**
 * The datasets a job reads: each one of the project's datasets, at its latest version (frozen when
 * the job is submitted) or a pinned one, copied before the job starts or streamed while it runs.
 */
export function DatasetsField({
  projectSlug,
  rows,
  onChange,
  errors,
}: {
  projectSlug: string;
  rows: DatasetRow[];
  onChange: (rows: DatasetRow[]) => void;
  errors: FieldErrors;
}) {
  const trpc = useTRPC();
  const list = useQuery(trpc.datasets.list.queryOptions({ projectSlug }));
  const datasets = list.data ?? [];
  const update = (id: number, patch: Partial<DatasetRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const unused = datasets.filter((d) => !rows.some((r) => r.name === d.name));

  return (
    <fieldset className="grid gap-2">
      <legend className="sr-only">Datasets</legend>
      {rows.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          {list.isPending ? (
            "Loading the project’s datasets…"
          ) : list.isError ? (
            "The project’s datasets could not be loaded."
          ) : datasets.length === 0 ? (
            <>
              This project has no datasets yet.{" "}
              <Link href={`/projects/${projectSlug}/datasets`} className="font-medium text-foreground underline-offset-4 hover:underline">
                Add one
              </Link>{" "}
              to read its files in jobs.
            </>
          ) : (
            <>
              None. An attached dataset’s files are at <code className="font-mono">$BENCHTOP_DATASET_&lt;NAME&gt;</code> in the job, at the version
              recorded with it.
            </>
          )}
        </p>
      ) : (
        <ul className="grid gap-3">
          {rows.map((row, i) => {
            const dataset = datasets.find((d) => d.name === row.name);
            const latest = dataset?.latestVersion ?? null;
            const versions = latest ? Array.from({ length: latest }, (_, k) => latest - k) : [];
            // A version copied from a re-run stays offered even before the list has loaded.
            if (row.version !== "latest" && !versions.includes(Number(row.version))) versions.unshift(Number(row.version));
            const rowErrors = errors[`datasets.${row.id}`];
            return (
              <li key={row.id} className="grid gap-1" data-testid="dataset-row">
                <div className="grid items-center gap-2 sm:grid-cols-[minmax(0,1fr)_10rem_9rem_auto]">
                  <Select value={row.name || undefined} onValueChange={(name) => update(row.id, { name, version: "latest" })}>
                    <SelectTrigger aria-label={`Dataset ${i + 1}`} aria-invalid={rowErrors ? true : undefined}>
                      <SelectValue placeholder="Choose a dataset" />
                    </SelectTrigger>
                    <SelectContent>
                      {datasets.map((d) => (
                        <SelectItem
                          key={d.id}
                          value={d.name}
                          disabled={d.name !== row.name && rows.some((r) => r.name === d.name)}
                          description={`${d.store.name} · ${d.latestVersion ? `latest v${d.latestVersion}` : "no versions yet"}`}
                        >
                          {d.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Select value={row.version} onValueChange={(version) => update(row.id, { version })}>
                    <SelectTrigger aria-label={`Version of dataset ${row.name || i + 1}`}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="latest" description="Frozen as it is when you submit">
                        Latest
                      </SelectItem>
                      {versions.map((v) => (
                        <SelectItem key={v} value={String(v)} description="Exactly this snapshot">
                          {`Pinned v${v}`}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Select value={row.mode} onValueChange={(mode) => update(row.id, { mode: mode as DatasetRow["mode"] })}>
                    <SelectTrigger aria-label={`Mode of dataset ${row.name || i + 1}`}>
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="copy" description="All files in place before the job starts">
                        Copy first
                      </SelectItem>
                      <SelectItem value="stream" description="The job starts at once; files arrive while it runs">
                        Stream
                      </SelectItem>
                    </SelectContent>
                  </Select>
                  <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove dataset ${row.name || i + 1}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {rowErrors ? (
                  <p className="text-xs font-medium text-destructive">{rowErrors.join(". ")}</p>
                ) : row.name ? (
                  <p className="text-xs text-muted-foreground">
                    At <code className="font-mono">${datasetEnvName(row.name)}</code>
                    {row.mode === "stream" ? (
                      <>
                        ; <code className="font-mono">${datasetEnvName(row.name)}_READY</code> appears when every file is there
                      </>
                    ) : null}
                    .
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {errors.datasets?.length ? <p className="text-xs font-medium text-destructive">Datasets: {errors.datasets.join(". ")}</p> : null}
      {datasets.length > 0 ? (
        <Button type="button" variant="outline" size="sm" className="w-fit" disabled={unused.length === 0} onClick={() => onChange([...rows, datasetRow(unused[0]?.name ?? "")])}>
          {rows.length === 0 ? <Database aria-hidden /> : <Plus aria-hidden />}
          Attach dataset
        </Button>
      ) : null}
    </fieldset>
  );
}
