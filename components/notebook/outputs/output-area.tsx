"use client";
// A code cell's outputs. Rendered only once the cell comes near the screen, so opening a
// notebook of hundreds of plots does not decode them all up front.
import type { TCodeCellState, TLiveOutput } from "../model/cell-state";
import { ansiToHtml } from "../ansi";
import { InputPrompt } from "./input-prompt";
import { MimeOutput } from "./mime-output";

type Props = { cell: TCodeCellState; dark: boolean; onInput: (value: string) => void };

function OneOutput({ output, dark }: { output: TLiveOutput; dark: boolean }) {
  switch (output.output_type) {
    case "stream":
      return (
        <pre
          className={output.name === "stderr" ? "nb-text nb-stderr" : "nb-text"}
          data-testid={`output-${output.name}`}
          dangerouslySetInnerHTML={{ __html: ansiToHtml(output.text) }}
        />
      );
    case "error":
      return <pre className="nb-text nb-error" data-testid="output-error" dangerouslySetInnerHTML={{ __html: ansiToHtml(output.traceback.join("\n") || `${output.ename}: ${output.evalue}`) }} />;
    case "display_data":
    case "execute_result":
      return <MimeOutput data={output.data} metadata={output.metadata} dark={dark} />;
  }
}

export function OutputArea({ cell, dark, onInput }: Props) {
  if (cell.outputs.length === 0 && !cell.input) return null;
  return (
    <div className="flex min-w-0 flex-col gap-0.5" data-testid="cell-outputs">
      {cell.outputs.map((output, i) => (
        <div key={i} className="flex min-w-0 gap-2">
          <div className="nb-prompt text-[var(--nb-out)]">{output.output_type === "execute_result" && output.execution_count !== null ? `[${output.execution_count}]:` : ""}</div>
          <div className="min-w-0 flex-1 overflow-x-auto">
            <OneOutput output={output} dark={dark} />
          </div>
        </div>
      ))}
      {cell.input ? (
        <div className="flex gap-2">
          <div className="nb-prompt" />
          <div className="min-w-0 flex-1">
            <InputPrompt request={cell.input} onSubmit={onInput} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
