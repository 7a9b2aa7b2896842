"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

/** Shows a just-created token, once. Closing forgets it; only its prefix remains in the list. */
export function NewTokenDialog({ token, name, onClose }: { token: string | null; name: string; onClose: () => void }) {
  return (
    <Dialog open={token !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent onInteractOutside={(e) => e.preventDefault()} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Your new token “{name}”</DialogTitle>
          <DialogDescription>Copy it now and keep it somewhere safe, such as a password manager.</DialogDescription>
        </DialogHeader>
        <div
          role="note"
          className="flex gap-2 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2.5 text-sm"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-[color-mix(in_oklch,var(--warning),black_30%)] dark:text-warning" aria-hidden />
          <p>
            <span className="font-medium">You will not see it again.</span> Benchtop keeps only a fingerprint of it. If you lose it,
            revoke it and create a new one.
          </p>
        </div>
        <div className="flex gap-2">
          <Input
            readOnly
            value={token ?? ""}
            aria-label="New API token"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={token ?? ""} />
        </div>
        <div className="space-y-1.5 text-xs text-muted-foreground">
          <p>Use it from a script or the command line:</p>
          <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono text-[12px] text-foreground">
            {`npx benchtop login --url ${typeof window === "undefined" ? "" : window.location.origin}\n`}
            {`curl -H "Authorization: Bearer $BENCHTOP_TOKEN" ${typeof window === "undefined" ? "" : window.location.origin}/api/v1/projects`}
          </pre>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>Done</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
