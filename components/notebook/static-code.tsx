"use client";
// A cell's code when it is not being edited: a <pre>, coloured by Monaco's tokenizer once the
// cell is near the screen (one Monaco editor at a time, in the cell being edited).
import { useEffect, useState } from "react";
import type { MonacoApi } from "@/components/editor/use-monaco";

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

type Props = { monaco: MonacoApi | null; source: string; language: string; visible: boolean; placeholder?: string };

export function StaticCode({ monaco, source, language, visible, placeholder }: Props) {
  const key = `${language}\u0000${source}`;
  const [colored, setColored] = useState<{ key: string; html: string } | null>(null);
  const html = colored?.key === key ? colored.html : (cache.get(key) ?? null);

  useEffect(() => {
    if (!monaco || !visible || source === "" || cache.has(key)) return;
    let live = true;
    monaco.editor.colorize(source, language, { tabSize: 4 }).then((result) => {
      if (cache.size > CACHE_LIMIT) cache.clear();
      // colorize escapes the text and wraps tokens in spans: safe to insert.
      cache.set(key, result);
      if (live) setColored({ key, html: result });
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [monaco, key, source, language, visible]);

  if (source === "") return <pre className="nb-code text-muted-foreground/70">{placeholder ?? ""}</pre>;
  if (html !== null) return <pre className="nb-code" dangerouslySetInnerHTML={{ __html: html }} />;
  return <pre className="nb-code">{source}</pre>;
}
