import type { Progress } from "./job-metrics-series";

/** "42%" over a bar, with the step it was reported at. */
export function JobProgress({ progress }: { progress: Progress }) {
  const percent = Math.round(progress.fraction * 1000) / 10;
  return (
    <div className="space-y-1.5">
      <span className="tabular-nums">{percent}%</span>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      {progress.step !== null ? <p className="text-xs font-normal text-muted-foreground tabular-nums">step {progress.step.toLocaleString()}</p> : null}
    </div>
  );
}
