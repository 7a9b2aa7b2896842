// Colours of the stacked series, in order of size; "other" is always grey.
export const SERIES_COLOURS = ["#4f46e5", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#ec4899"];
export const OTHER_COLOUR = "#a1a1aa";

export const colourOf = (key: string, index: number) => (key === "other" ? OTHER_COLOUR : SERIES_COLOURS[index % SERIES_COLOURS.length]!);

export const TOOLTIP_STYLE = {
  background: "var(--popover)",
  border: "1px solid var(--border)",
  borderRadius: 8,
  fontSize: 12,
  color: "var(--popover-foreground)",
} as const;

export const AXIS_TICK = { fontSize: 10, fill: "var(--muted-foreground)" } as const;
