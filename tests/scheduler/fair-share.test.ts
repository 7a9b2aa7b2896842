import { describe, expect, it } from "vitest";
import { decayUsage, fairShareFactors, schedule } from "../../server/queue/scheduler";
import { agent, HOUR, job, MIN, SimulatedLab } from "./simulated-lab";

const DAY = 24 * HOUR;

describe("usage and the fair-share factor", () => {
  it("halves usage for every half-life that has passed, and counts a future record in full", () => {
    const records = [
      { gpuSeconds: 1000, at: 0 },
      { gpuSeconds: 400, at: 7 * DAY },
      { gpuSeconds: 10, at: 30 * DAY },
    ];
    expect(decayUsage(records, 14 * DAY, 7 * DAY)).toBeCloseTo(1000 / 4 + 400 / 2 + 10, 6);
    expect(decayUsage([], 0, DAY)).toBe(0);
  });

  it("gives 2^(-usage share / holder share): all 1 when nobody used anything, 0.25 vs 1 for one heavy of two", () => {
    expect([...fairShareFactors({}, new Set(["ana", "ben"])).values()]).toEqual([1, 1]);
    const f = fairShareFactors({ ana: 3600, ben: 0 }, new Set(["ana", "ben"]));
    expect(f.get("ana")).toBeCloseTo(0.25, 10);
    expect(f.get("ben")).toBe(1);
    const even = fairShareFactors({ ana: 50, ben: 50 }, new Set(["ana", "ben"]));
    expect(even.get("ana")).toBeCloseTo(0.5, 10);
  });
});

describe("fair share in the queue", () => {
  it("starts a light user's job before a heavy user's, though the heavy user submitted first", () => {
    const lab = new SimulatedLab([agent({ id: "gpu-1", gpuCount: 1 })]);
    lab.addUsage("ana", "vision", 40 * 3600, -DAY);
    lab.now = 2 * HOUR;
    lab.submit(job({ id: "ana-1", userId: "ana", submittedAt: 0 }));
    lab.submit(job({ id: "ben-1", userId: "ben", submittedAt: HOUR }));
    lab.runUntil();
    expect(lab.startOf("ben-1")).toBe(2 * HOUR);
    expect(lab.startOf("ana-1")).toBe(3 * HOUR);
  });

  it("makes two people take turns on one GPU as their usage accrues, where first-come would run all of ana's first", () => {
    const lab = new SimulatedLab([agent({ id: "gpu-1", gpuCount: 1 })]);
    lab.now = 10 * MIN;
    for (const [i, who] of [
      [0, "ana"],
      [1, "ana"],
      [2, "ana"],
      [3, "ben"],
      [4, "ben"],
      [5, "ben"],
    ] as const) {
      lab.submit(job({ id: `${who}-${i}`, userId: who, submittedAt: i * MIN }));
    }
    lab.runUntil();
    const order = [...lab.started.keys()];
    expect(order).toEqual(["ana-0", "ben-3", "ana-1", "ben-4", "ana-2", "ben-5"]);
  });

  it("favours the project that used less when the people are even", () => {
    const lab = new SimulatedLab([agent({ id: "gpu-1", gpuCount: 1 })], {}, false);
    // ana and ben used the same; carl (nothing queued) made ana's project "vision" heavy.
    lab.addUsage("ana", "vision", 5 * 3600);
    lab.addUsage("ben", "nlp", 5 * 3600);
    lab.addUsage("carl", "vision", 40 * 3600);
    lab.submit(job({ id: "ana-vision", userId: "ana", projectId: "vision", submittedAt: 0 }));
    lab.submit(job({ id: "ben-nlp", userId: "ben", projectId: "nlp", submittedAt: 0 }));
    const out = lab.pass();
    expect(out.placements.map((p) => p.jobId)).toEqual(["ben-nlp"]);
    expect(out.order).toEqual(["ben-nlp", "ana-vision"]);
  });

  it("lets age win in the end: a heavy user's job that waited a week passes a fresh light one", () => {
    const base = {
      now: 8 * DAY,
      agents: [agent({ id: "gpu-1", gpuCount: 1 })],
      running: [],
      // ana's fair-share factor is 2^-2 = 0.25 against ben's 1: 750 points behind.
      usage: { users: { ana: 3600, ben: 0 }, projects: {} },
    };
    const stale = job({ id: "ana-old", userId: "ana", submittedAt: 0 });
    const fresh = job({ id: "ben-new", userId: "ben", submittedAt: 8 * DAY });
    expect(schedule({ ...base, queued: [stale, fresh] }).order).toEqual(["ben-new", "ana-old"]);
    // With age weighing 1000 points at 7 days, the week-old job now leads.
    const aged = schedule({ ...base, queued: [stale, fresh], config: { ageWeight: 1000 } });
    expect(aged.order).toEqual(["ana-old", "ben-new"]);
  });
});

describe("priority classes", () => {
  it("runs high before normal before low, whatever the usage and age", () => {
    const lab = new SimulatedLab([agent({ id: "gpu-1", gpuCount: 1 })], {}, false);
    lab.addUsage("heavy", "vision", 500 * 3600);
    lab.now = 3 * DAY;
    lab.submit(job({ id: "low-light-oldest", userId: "light", priority: "low", submittedAt: 0 }));
    lab.submit(job({ id: "normal-light", userId: "light", priority: "normal", submittedAt: DAY }));
    lab.submit(job({ id: "high-heavy-newest", userId: "heavy", priority: "high", submittedAt: 3 * DAY }));
    lab.runUntil();
    expect([...lab.started.keys()]).toEqual(["high-heavy-newest", "normal-light", "low-light-oldest"]);
  });

  it("breaks a tie by submission time, then by id", () => {
    const same = { userId: "ana", submittedAt: 5 };
    const out = schedule({
      now: 10,
      queued: [job({ id: "b", ...same }), job({ id: "c", userId: "ana", submittedAt: 1 }), job({ id: "a", ...same })],
      agents: [],
      running: [],
      usage: { users: {}, projects: {} },
    });
    expect(out.order).toEqual(["c", "a", "b"]);
  });
});
