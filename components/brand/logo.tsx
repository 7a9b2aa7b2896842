import { cn } from "@/lib/cn";

/** The Benchtop mark: a bench with a flask on it. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-7", className)}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M13.5 7.5h5M14.5 7.5v5.2l-4.6 7.1a1.4 1.4 0 0 0 1.2 2.2h9.8a1.4 1.4 0 0 0 1.2-2.2l-4.6-7.1V7.5"
        fill="none"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-primary-foreground"
      />
      <path d="M11.6 17.5h8.8" strokeWidth="1.8" strokeLinecap="round" className="stroke-primary-foreground/70" />
      <path d="M6.5 25h19" strokeWidth="2" strokeLinecap="round" className="stroke-primary-foreground" />
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <LogoMark />
      <span>Benchtop</span>
    </span>
  );
}
