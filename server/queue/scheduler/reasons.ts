// Why a job waits, in words a researcher understands. Written while the scheduler walks the
// queue in order, so "jobs ahead" and "fair share favours ..." cost a few counter lookups per
// job, not a rescan of the queue; the parts that depend only on a job's shape or on a pair of
// people are built once per pass (10,000 reasons are a fifth of a pass's budget otherwise).

import type { Shape } from "./shape";
import type { RankedJob } from "./order";
import { durationWords, freeGpuWords, gpuHoursWords, gpuWords, plural } from "./words";

/** A reservation made this pass, as another job's reason names it. */
export type ReservationNote = { position: number; at: number; what: string };

/** The first job of a class waiting for some capacity: the one fair share put in front. */
type Leader = { rank: number; ranked: RankedJob; sentences: Map<string, Map<string, string | null>> };

const ALL_GPUS = "gpu:all";

export class WaitReasons {
  /** Per priority class: how many jobs wait ahead, by what they compete for. */
  private readonly ahead = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly leaders = [new Map<string, Leader>(), new Map<string, Leader>(), new Map<string, Leader>()];
  private readonly typedKeys = new Map<string, string[]>();
  private readonly countKeys = new Map<string, string[]>();
  private readonly hours = { users: new Map<string, string>(), projects: new Map<string, string>() };

  constructor(private readonly usage: { users: Record<string, number>; projects: Record<string, number> }) {}

  /** "waiting for 2 free A100s on one agent; 3 jobs ahead want A100s; fair share favours ana (...) over ben (...)" */
  waitingFor(r: RankedJob, need: Shape, typeName: string | null): string {
    need.memo.words ??= `waiting for ${capacityWords(need, typeName)}; `;
    const fair = this.fairShareWords(r, need);
    return need.memo.words + this.aheadWords(r, need, typeName) + (fair === null ? "" : `; ${fair}`);
  }

  /** "held for a reservation: the job at position 2 (16 A100s on 2 agents) starts on ..." */
  held(r: RankedJob, blocker: ReservationNote, now: number): string {
    // A reservation a minute away or less waits on an attempt that is ending (or overran and is being killed).
    const when = blocker.at - now < 60_000 ? "any moment now" : `in ${durationWords(blocker.at - now)}`;
    return (
      `held for a reservation: the job at position ${blocker.position} (${blocker.what}) starts on the free ` +
      `${r.job.gpusPerNode > 0 ? "GPUs" : "CPU slots"} ${when}, ` +
      `before this job's max runtime of ${durationWords(r.job.maxRuntimeMs)} would end`
    );
  }

  /** Counts a job that waits for capacity, for the reasons of the jobs behind it. */
  note(r: RankedJob, need: Shape, rank: number): void {
    const counts = this.ahead[r.classRank]!;
    const leaders = this.leaders[r.classRank]!;
    for (const key of this.countedUnder(need)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!leaders.has(key)) leaders.set(key, { rank, ranked: r, sentences: new Map() });
    }
  }

  private aheadWords(r: RankedJob, need: Shape, typeName: string | null): string {
    const keys = this.competitors(need);
    let same = 0;
    let higher = 0;
    for (let c = 0; c <= r.classRank; c++) {
      let n = 0;
      for (const k of keys) n += this.ahead[c]!.get(k) ?? 0;
      if (c < r.classRank) higher += n;
      else same += n;
    }
    need.memo.wanted ??= need.kind === "cpu" ? "CPU slots" : `${typeName ?? "GPU"}s`;
    const what = need.memo.wanted;
    const total = same + higher;
    if (total === 0) return `next in line for ${what}`;
    if (total === 1) return higher > 0 ? `1 job ahead wants ${what} (${HIGHER[r.classRank]})` : `1 job ahead wants ${what}`;
    if (higher === 0) return `${total} jobs ahead want ${what}`;
    return `${total} jobs ahead want ${what} (${higher === total ? "all" : higher} of them ${HIGHER[r.classRank]})`;
  }

  /** Names whom fair share put first in this job's class, when it is someone else. */
  private fairShareWords(r: RankedJob, need: Shape): string | null {
    const leaders = this.leaders[r.classRank]!;
    let leader: Leader | undefined;
    for (const k of this.competitors(need)) {
      const l = leaders.get(k);
      if (l && (!leader || l.rank < leader.rank)) leader = l;
    }
    if (!leader) return null;
    let byProject = leader.sentences.get(r.job.userId);
    if (!byProject) leader.sentences.set(r.job.userId, (byProject = new Map()));
    let sentence = byProject.get(r.job.projectId);
    if (sentence === undefined) byProject.set(r.job.projectId, (sentence = this.fairShareSentence(leader.ranked, r)));
    return sentence;
  }

  private fairShareSentence(first: RankedJob, r: RankedJob): string | null {
    const [a, b] = [first.job, r.job];
    if (a.userId !== b.userId && first.userFactor > r.userFactor) {
      const theirs = this.hoursOf("users", a.userId);
      return `fair share favours ${a.userName} (${theirs} of recent use) over ${b.userName} (${this.hoursOf("users", b.userId)})`;
    }
    if (a.projectId !== b.projectId && first.projectFactor > r.projectFactor) {
      const theirs = this.hoursOf("projects", a.projectId);
      const mine = this.hoursOf("projects", b.projectId);
      return `fair share favours project ${a.projectName} (${theirs} of recent use) over ${b.projectName} (${mine})`;
    }
    return null;
  }

  /** What a job competes with: a typed job with its type and "any GPU" jobs; an "any" job with all. */
  private competitors(need: Shape): string[] {
    if (need.kind === "cpu") return CPU_KEYS;
    if (need.competition === "gpu:*") return ALL_KEYS;
    let keys = this.typedKeys.get(need.competition);
    if (!keys) this.typedKeys.set(need.competition, (keys = [need.competition, "gpu:*"]));
    return keys;
  }

  /** Where a waiting job is counted: under what it wants, and GPU jobs also under "all GPUs". */
  private countedUnder(need: Shape): string[] {
    if (need.kind === "cpu") return CPU_KEYS;
    let keys = this.countKeys.get(need.competition);
    if (!keys) this.countKeys.set(need.competition, (keys = [need.competition, ALL_GPUS]));
    return keys;
  }

  private hoursOf(kind: "users" | "projects", id: string): string {
    let words = this.hours[kind].get(id);
    if (words === undefined) this.hours[kind].set(id, (words = gpuHoursWords(this.usage[kind][id] ?? 0)));
    return words;
  }
}

const HIGHER = ["", "high priority", "higher priority"];
const CPU_KEYS = ["cpu"];
const ALL_KEYS = [ALL_GPUS];

/** "8 A100s", "16 GPUs on 2 agents", "1 CPU slot": what a reserved job holds, for other jobs' reasons. */
export function reservedWords(need: Shape, typeName: string | null): string {
  const total = need.kind === "cpu" ? plural(need.nodes, "CPU slot") : gpuWords(need.units * need.nodes, typeName);
  return need.nodes > 1 ? `${total} on ${need.nodes} agents` : total;
}

function capacityWords(need: Shape, typeName: string | null): string {
  if (need.kind === "cpu") return need.nodes === 1 ? "a free CPU slot" : `${need.nodes} agents with a free CPU slot each`;
  if (need.nodes > 1) return `${need.nodes} agents with ${freeGpuWords(need.units, typeName)} each`;
  return need.units === 1 ? freeGpuWords(1, typeName) : `${freeGpuWords(need.units, typeName)} on one agent`;
}
