"use client";
// The keys, as JupyterLab has them (H in command mode, or the keyboard button).
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

const COMMAND: [string, string][] = [
  ["Enter", "Edit the selected cell"],
  ["Shift+Enter", "Run, select below"],
  ["Ctrl+Enter", "Run, stay"],
  ["Alt+Enter", "Run, insert a cell below"],
  ["↑ / K, ↓ / J", "Select above / below"],
  ["Shift+↑ / K, Shift+↓ / J", "Extend the selection"],
  ["A / B", "Insert a cell above / below"],
  ["D, D", "Delete the selected cells"],
  ["Z", "Undo the last delete"],
  ["M / Y / R", "Markdown / code / raw"],
  ["C / X / V", "Copy / cut / paste below"],
  ["Ctrl+Shift+↑ / ↓", "Move cells up / down"],
  ["I, I", "Interrupt the kernel"],
  ["0, 0", "Restart the kernel"],
  ["Ctrl+S", "Save"],
  ["H", "These keys"],
];
const EDIT: [string, string][] = [
  ["Esc", "Back to command mode"],
  ["Shift / Ctrl / Alt+Enter", "Run, as in command mode"],
  ["↑ on the first line, ↓ on the last", "Edit the cell above / below"],
  ["Ctrl+S", "Save"],
];

function Keys({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([keys, what]) => (
        <div key={keys} className="contents">
          <dt>
            <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
          </dt>
          <dd className="text-muted-foreground">{what}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Notebook keys</DialogTitle>
          <DialogDescription>Command mode (a blue bar on the selected cell) acts on cells; edit mode (a green bar) types into one.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-6 sm:grid-cols-2">
          <section>
            <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Command mode</h3>
            <Keys rows={COMMAND} />
          </section>
          <section>
            <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Edit mode</h3>
            <Keys rows={EDIT} />
          </section>
        </div>
      </DialogContent>
    </Dialog>
  );
}
