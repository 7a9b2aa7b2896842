"use client";
// input() and getpass() in a running cell: a box in the output, masked for passwords.
import { useEffect, useRef, useState } from "react";
import type { TInputPrompt } from "../model/cell-state";

type Props = { request: TInputPrompt; onSubmit: (value: string) => void };

export function InputPrompt({ request, onSubmit }: Props) {
  const [value, setValue] = useState("");
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <form
      className="flex items-center gap-2 py-1 font-mono text-[13px]"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <label htmlFor={`nb-input-${request.prompt}`} className="whitespace-pre">
        {request.prompt}
      </label>
      <input
        id={`nb-input-${request.prompt}`}
        ref={box}
        type={request.password ? "password" : "text"}
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
        className="min-w-0 flex-1 rounded-sm border border-input bg-background px-2 py-0.5 outline-none focus-visible:ring-2 focus-visible:ring-ring/50"
        aria-label={request.password ? "Password for the running cell" : "Input for the running cell"}
        data-testid="cell-input"
      />
    </form>
  );
}
