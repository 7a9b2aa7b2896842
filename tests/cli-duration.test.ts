// The one duration grammar (lib/duration.ts), read the same by `benchtop submit --max-runtime` and
// the web submit form: units are required, parts add up.
import { describe, expect, it } from "vitest";
import { checkValues, defaultValues, toSubmitInput } from "../components/jobs/submit/job-form-values";
import { formatRuntimeLimit, parseDuration } from "../lib/duration";

describe("the duration grammar", () => {
  it.each([
    ["90m", 5_400],
    ["2h30m", 9_000],
    ["1d 12h", 129_600],
    ["1.5h", 5_400],
    ["45s", 45],
    ["3 days", 259_200],
    ["1h, 30min", 5_400],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it("refuses a number without a unit, in a sentence that offers the units", () => {
    expect(parseDuration("90")).toEqual({ ok: false, problem: "needs a unit: 90m (minutes), 90h (hours) or 90s (seconds)" });
    expect(parseDuration("1h 30")).toEqual({ ok: false, problem: "needs a unit after 30 (m, h or s)" });
  });

  it("refuses what is no duration at all", () => {
    expect(parseDuration("soon")).toEqual({ ok: false, problem: "must be a duration such as 90m, 2h30m or 1d 12h" });
    expect(parseDuration("4hx")).toMatchObject({ ok: false });
    expect(parseDuration("  ")).toMatchObject({ ok: false, problem: expect.stringContaining("is empty") });
  });

  it("spells durations so that they read back", () => {
    for (const s of [45, 5_400, 129_600, 86_400 * 3 + 61]) expect(parseDuration(formatRuntimeLimit(s))).toEqual({ ok: true, seconds: s });
  });
});

describe("the web submit form reads the same grammar", () => {
  const form = (maxRuntime: string) => ({ ...defaultValues({ command: "python3 train.py" }), maxRuntime });

  it("refuses a bare number with the grammar's sentence", () => {
    expect(checkValues(form("90")).maxRuntime).toEqual(["needs a unit: 90m (minutes), 90h (hours) or 90s (seconds)"]);
  });

  it("takes 1d 12h and 2h30m", () => {
    expect(checkValues(form("1d 12h")).maxRuntime).toBeUndefined();
    expect(toSubmitInput("demo", form("1d 12h")).maxRuntimeSeconds).toBe(129_600);
    expect(toSubmitInput("demo", form("2h30m")).maxRuntimeSeconds).toBe(9_000);
  });
});
