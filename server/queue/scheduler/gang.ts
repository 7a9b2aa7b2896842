// Choosing the agents of a gang: all nodes in one pool, best fit, at the earliest common time.

/**
 * Per pool, the `nodes` best-fitting candidates (fewest free units first, then agent order);
 * the pool whose pick leaves the fewest units stranded wins, then the first pool.
 */
export function pickGang(
  perPool: Map<string, { agent: number; free: number }[]>,
  nodes: number,
  units: number,
): number[] | null {
  let best: { agents: number[]; leftover: number } | null = null;
  for (const list of perPool.values()) {
    if (list.length < nodes) continue;
    list.sort((x, y) => x.free - y.free || x.agent - y.agent);
    const picked = list.slice(0, nodes);
    const leftover = picked.reduce((s, p) => s + p.free - units, 0);
    if (!best || leftover < best.leftover) best = { agents: picked.map((p) => p.agent), leftover };
  }
  return best?.agents ?? null;
}

/** Smallest t covered by at least `need` of the closed intervals [spans[2i], spans[2i+1]]. */
export function earliestCovered(spans: number[], need: number): number | null {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    starts.push(spans[i]!);
    ends.push(spans[i + 1]!);
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  let e = 0;
  for (let s = 0; s < starts.length; s++) {
    const t = starts[s]!;
    if (s + 1 < starts.length && starts[s + 1] === t) continue;
    while (e < ends.length && ends[e]! < t) e++;
    if (s + 1 - e >= need) return t;
  }
  return null;
}
