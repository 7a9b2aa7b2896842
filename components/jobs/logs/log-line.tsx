import { memo, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export const ROW_HEIGHT = 20;
export const SEPARATOR_HEIGHT = 30;

export const ERROR_LINE = /^(Traceback \(most recent call last\)|[A-Za-z_.]*(Error|Exception)\b|ERROR\b|FATAL\b|CRITICAL\b|E\s{2,})/;

type Props = {
  n: number;
  /** Undefined while the line is being fetched. */
  text: string | undefined;
  node: number;
  gutter: string;
  query: string;
  current: boolean;
  /** The line someone linked to (#L123) or clicked. */
  selected: boolean;
  onSelect: (n: number) => void;
  showNode: boolean;
  separator: ReactNode;
};

/** One log line: its number (not selected when copying), its text, the search hits marked. */
export const LogLine = memo(function LogLine({ n, text, node, gutter, query, current, selected, onSelect, showNode, separator }: Props) {
  const metric = text?.startsWith("::metric ");
  // What the agent itself says (cancelled, timed out, lost a node): not the job's own output.
  const agent = text?.startsWith("[benchtop");
  const error = text !== undefined && ERROR_LINE.test(text);
  return (
    <>
      {separator}
      <div
        className={cn(
          "flex h-5 leading-5 hover:bg-foreground/[0.04]",
          selected && "bg-primary/10 hover:bg-primary/10",
          current && "bg-warning/25 hover:bg-warning/25",
        )}
      >
        <a
          href={`#L${n + 1}`}
          tabIndex={-1}
          aria-label={`Link to line ${n + 1}`}
          onClick={(e) => {
            e.preventDefault();
            onSelect(n);
          }}
          className={cn(
            "sticky left-0 shrink-0 bg-(--log-bg) pr-3 pl-2 text-right text-muted-foreground/70 tabular-nums select-none hover:text-foreground hover:underline",
            selected && "font-semibold text-primary",
          )}
          style={{ width: gutter }}
        >
          {n + 1}
        </a>
        {text !== undefined ? (
          <span className={cn("pr-6 whitespace-pre", metric && "text-muted-foreground", error && "text-destructive", agent && "font-medium text-primary")}>
            {showNode ? <span className="mr-2 text-primary/80 select-none">[{node}]</span> : null}
            {query ? <Highlighted text={text} query={query} /> : text || "\u200b"}
          </span>
        ) : (
          <span className="my-1.5 w-48 animate-pulse rounded-sm bg-muted" aria-label="Loading line" />
        )}
      </div>
    </>
  );
});

function Highlighted({ text, query }: { text: string; query: string }) {
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="rounded-[2px] bg-warning/60 text-foreground">
        {text.slice(at, at + q.length)}
      </mark>,
    );
    from = at + q.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return <>{parts.length ? parts : "\u200b"}</>;
}
