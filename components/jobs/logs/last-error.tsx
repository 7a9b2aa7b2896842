"use client";

import { TriangleAlert } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import type { LogBuffer } from "./log-buffer";
import { ERROR_LINE } from "./log-line";

/** How far back from the end a failed job's error line is looked for. */
const LOOK_BACK = 5_000;

/** For a failed job: the last error-looking line near the end of its log, one click from its place. */
export function LastError({ buffer, version, onShow }: { buffer: LogBuffer; version: number; onShow: (n: number) => void }) {
  const found = useMemo(() => {
    for (let n = buffer.total - 1; n >= Math.max(0, buffer.total - LOOK_BACK); n--) {
      const text = buffer.text(n);
      if (text !== undefined && ERROR_LINE.test(text) && !text.startsWith("Traceback")) return { n, text };
    }
    return null;
    // `version` stands for the buffer's contents, which change in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [buffer, version]);
  if (!found) return null;
  return (
    <div className="flex items-center gap-2 border-b border-destructive/20 bg-destructive/5 px-4 py-2 text-xs">
      <TriangleAlert className="size-3.5 shrink-0 text-destructive" aria-hidden />
      <p className="min-w-0 flex-1 truncate font-mono text-destructive" title={found.text}>
        {found.text}
      </p>
      <Button variant="link" size="sm" className="h-6 px-1 text-xs" onClick={() => onShow(found.n)}>
        Line {(found.n + 1).toLocaleString()}
      </Button>
    </div>
  );
}
