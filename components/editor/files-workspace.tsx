"use client";
// The editor workspace: the project's files on the left, open files as tabs on the right. The
// URL follows the open file, Ctrl/Cmd+S saves, Ctrl/Cmd+P opens a file by name.
import { useQuery } from "@tanstack/react-query";
import { FilePlus, FileCode } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTheme } from "next-themes";
import { useCallback, useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/use-confirm";
import { useTRPC, useTRPCClient } from "@/components/trpc/trpc";
import { errorMessageOf } from "@/lib/trpc-errors";
import { BinaryView } from "./binary-view";
import { CodeEditor } from "./code-editor";
import { ConflictDialog } from "./conflict-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { FileTree, type TreeAction } from "./file-tree";
import { joinPath, nameOf, parentOf, workspaceUrl } from "./file-urls";
import { HistoryPanel } from "./history-panel";
import { isNotebookPath } from "./languages";
import { QuickOpen } from "./quick-open";
import { TabBar } from "./tab-bar";
import { TreeDialog } from "./tree-dialogs";
import { buildTree } from "./tree-model";
import { TreeToolbar } from "./tree-toolbar";
import { useEditorTabs } from "./use-editor-tabs";
import { useMonaco } from "./use-monaco";
import { itemsFromDrop, uploadItems, type UploadItem } from "./upload";

const loadNotebookView = () => import("@/components/notebook/notebook-view");
const NotebookView = dynamic(() => loadNotebookView().then((m) => m.NotebookView), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted-foreground">Opening the notebook…</p>,
});

type Props = { projectSlug: string; initialPath: string | null; canEdit: boolean; monacoVsPath: string };

export function FilesWorkspace({ projectSlug, initialPath, canEdit, monacoVsPath }: Props) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const tree = useQuery(trpc.files.tree.queryOptions({ projectSlug }));
  const { monaco, error: monacoError } = useMonaco(monacoVsPath);
  const tabs = useEditorTabs({ projectSlug, monaco });
  const [confirm, confirmDialog] = useConfirm();
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === "dark" ? "vs-dark" : "vs";
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(initialPath ? ancestors(initialPath) : []));
  const [action, setAction] = useState<TreeAction | null>(null);
  const [quickOpen, setQuickOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const nodes = useMemo(() => (tree.data ? buildTree(tree.data.files, tree.data.folders) : []), [tree.data]);
  const paths = useMemo(() => tree.data?.files.map((f) => f.path) ?? [], [tree.data]);
  const active = tabs.active;
  const { save } = tabs;
  const openTab = tabs.open;
  const open = useCallback(
    (path: string) => {
      setExpanded((s) => (ancestors(path).every((a) => s.has(a)) ? s : new Set([...s, ...ancestors(path)])));
      openTab(path);
    },
    [openTab],
  );

  useEffect(() => {
    // The notebook view's code starts downloading with the page, not after a notebook tab opens.
    if (initialPath && isNotebookPath(initialPath)) void loadNotebookView();
    if (initialPath) openTab(initialPath);
    // Only the path the page was opened at; later opens come from the tree.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The URL follows the open file (replaceState: no server render, no history entry per click).
  useEffect(() => {
    const url = workspaceUrl(projectSlug, active?.path ?? null);
    if (window.location.pathname !== url) window.history.replaceState(window.history.state, "", url);
  }, [projectSlug, active?.path]);

  const anyDirty = tabs.tabs.some((t) => t.dirty);
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [anyDirty]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "s") {
        e.preventDefault();
        if (active && canEdit && active.kind === "text") void save(active.id);
      } else if (key === "p" && !e.shiftKey) {
        e.preventDefault();
        setQuickOpen(true);
      }
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [active, canEdit, save]);

  const refresh = useCallback(() => tree.refetch(), [tree]);

  const upload = useCallback(
    async (items: UploadItem[]) => {
      if (items.length === 0) return;
      const current = new Map(tree.data?.files.map((f) => [f.path, f.version]) ?? []);
      const replacing = items.filter((i) => current.has(i.path));
      if (replacing.length > 0) {
        const names = replacing.slice(0, 5).map((i) => i.path).join(", ") + (replacing.length > 5 ? ", …" : "");
        const many = replacing.length === 1 ? "file" : "files";
        const yes = await confirm({
          title: `Replace ${replacing.length} existing ${many}?`,
          description: `${names} will be replaced by the uploaded ${many}; their history keeps the old versions.`,
          confirmLabel: "Replace",
        });
        if (!yes) return;
      }
      const id = toast.loading(`Uploading ${items.length} ${items.length === 1 ? "file" : "files"}…`);
      const result = await uploadItems(projectSlug, items, current, (done, total) => toast.loading(`Uploading ${done} of ${total}…`, { id }));
      await refresh();
      for (const p of result.done) {
        const open = tabs.tabs.find((t) => t.path === p);
        if (open && !open.dirty) void tabs.reload(open.id);
      }
      if (result.failed.length === 0) toast.success(`Uploaded ${result.done.length} ${result.done.length === 1 ? "file" : "files"}.`, { id });
      else toast.error(`${result.failed.length} of ${items.length} not uploaded. ${result.failed[0]!.path}: ${result.failed[0]!.message}`, { id, duration: 10_000 });
    },
    [projectSlug, tree.data, refresh, tabs, confirm],
  );

  const move = useCallback(
    async (from: string, toFolder: string) => {
      const to = joinPath(toFolder, nameOf(from));
      if (to === from || parentOf(from) === toFolder) return;
      try {
        await client.files.move.mutate({ projectSlug, from, to });
        tabs.followMove(from, to);
        await refresh();
        toast.success(`Moved ${from} to ${to}.`);
      } catch (e) {
        toast.error(errorMessageOf(e));
      }
    },
    [client, projectSlug, refresh, tabs],
  );

  async function close(id: string) {
    const tab = tabs.tabs.find((t) => t.id === id);
    if (
      tab?.dirty &&
      !(await confirm({ title: `Close ${tab.path}?`, description: "It has unsaved changes, which are lost when it closes.", confirmLabel: "Close without saving", destructive: true }))
    )
      return;
    tabs.close(id);
  }

  async function runAsJob(command: string) {
    if (active?.dirty && !(await save(active.id))) return;
    router.push(`/projects/${projectSlug}/jobs/new?command=${encodeURIComponent(command)}`);
  }

  const model = active && active.kind === "text" && active.status === "ready" ? tabs.modelOf(active.id) : null;

  return (
    <div className="grid h-[calc(100dvh-18.5rem)] min-h-[440px] grid-cols-[minmax(200px,260px)_minmax(0,1fr)] overflow-hidden rounded-xl border border-border bg-card shadow-xs">
      <aside
        aria-label="Project files"
        className="flex min-h-0 flex-col border-r border-border bg-muted/20"
        onDragOver={(e) => canEdit && e.dataTransfer.types.includes("Files") && e.preventDefault()}
        onDrop={(e) => {
          if (!canEdit || e.dataTransfer.files.length === 0) return;
          e.preventDefault();
          void itemsFromDrop(e.dataTransfer, "").then(upload);
        }}
      >
        <TreeToolbar projectSlug={projectSlug} canEdit={canEdit} onAction={setAction} onUpload={(items) => void upload(items)} onQuickOpen={() => setQuickOpen(true)} />
        <div className="min-h-0 flex-1 overflow-y-auto" data-testid="file-tree">
          {tree.isPending ? <p className="p-3 text-sm text-muted-foreground">Loading files…</p> : null}
          {tree.error ? <p className="p-3 text-sm text-destructive">{errorMessageOf(tree.error)}</p> : null}
          {tree.data && nodes.length === 0 ? (
            <p className="p-3 text-sm text-muted-foreground">No files yet.{canEdit ? " Create one, or drop files here." : ""}</p>
          ) : null}
          <FileTree
            projectSlug={projectSlug}
            nodes={nodes}
            activePath={active?.path ?? null}
            expanded={expanded}
            onToggle={(f) => setExpanded((s) => toggle(s, f))}
            onOpen={open}
            onAction={setAction}
            onMove={(from, to) => void move(from, to)}
            onDropFiles={(folder, dt) => void itemsFromDrop(dt, folder).then(upload)}
            canEdit={canEdit}
          />
        </div>
      </aside>
      <section aria-label="Editor" className="flex min-h-0 min-w-0 flex-col">
        {tabs.tabs.length > 0 ? <TabBar tabs={tabs.tabs} activeId={tabs.activeId} onSelect={tabs.setActiveId} onClose={close} /> : null}
        {active ? (
          <EditorToolbar
            tab={active}
            canEdit={canEdit}
            onSave={() => void save(active.id)}
            onHistory={() => setHistoryOpen(true)}
            onRun={(c) => void runAsJob(c)}
          />
        ) : null}
        <div className="relative min-h-0 flex-1 bg-background">
          {!active ? (
            <Welcome canEdit={canEdit} onNew={() => setAction({ kind: "new-file", folder: "" })} onQuickOpen={() => setQuickOpen(true)} />
          ) : active.status === "loading" ? (
            <p className="p-4 text-sm text-muted-foreground">Opening {active.path}…</p>
          ) : active.status === "error" ? (
            <p role="alert" className="p-4 text-sm text-destructive">{active.error}</p>
          ) : active.kind === "notebook" ? (
            <div className="h-full overflow-auto">
              <NotebookView key={active.path} projectSlug={projectSlug} path={active.path} canEdit={canEdit} monacoVsPath={monacoVsPath} />
            </div>
          ) : active.kind === "binary" ? (
            <BinaryView projectSlug={projectSlug} path={active.path} sizeBytes={active.sizeBytes} tooLarge={active.sizeBytes > 20 * 1024 * 1024} />
          ) : monacoError ? (
            <p role="alert" className="p-4 text-sm text-destructive">{monacoError}</p>
          ) : monaco && model ? (
            <CodeEditor monaco={monaco} model={model} readOnly={!canEdit} theme={theme} label={`Editing ${active.path}`} />
          ) : (
            <p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>
          )}
        </div>
      </section>
      {action ? (
        <TreeDialog
          projectSlug={projectSlug}
          action={action}
          onClose={() => setAction(null)}
          onCreatedFile={open}
          onMoved={tabs.followMove}
          onDeleted={tabs.closeDeleted}
          refresh={refresh}
        />
      ) : null}
      {confirmDialog}
      {quickOpen ? <QuickOpen paths={paths} onOpen={open} onClose={() => setQuickOpen(false)} /> : null}
      {historyOpen && active ? (
        <HistoryPanel projectSlug={projectSlug} tab={active} tabs={tabs} monaco={monaco} theme={theme} canEdit={canEdit} onClose={() => setHistoryOpen(false)} />
      ) : null}
      {tabs.conflict ? <ConflictDialog key={`${tabs.conflict.tabId}-${tabs.conflict.theirs.version}`} conflict={tabs.conflict} tabs={tabs} monaco={monaco} theme={theme} /> : null}
    </div>
  );
}

function Welcome({ canEdit, onNew, onQuickOpen }: { canEdit: boolean; onNew: () => void; onQuickOpen: () => void }) {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = mac ? "⌘" : "Ctrl+";
  return (
    <div className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <FileCode className="size-6" aria-hidden />
      </span>
      <div className="space-y-1">
        <p className="font-medium">Open a file from the tree</p>
        <p className="text-sm text-muted-foreground">
          <kbd className="rounded border border-border px-1 font-mono text-xs">{mod}P</kbd> finds a file by name ·{" "}
          <kbd className="rounded border border-border px-1 font-mono text-xs">{mod}S</kbd> saves
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" onClick={onQuickOpen}>
          Go to file…
        </Button>
        {canEdit ? (
          <Button size="sm" onClick={onNew}>
            <FilePlus aria-hidden />
            New file
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function ancestors(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
