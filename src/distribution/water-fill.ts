/**
 * Divisor-method water-filling, for the distribution plan (plan.ts); pure: hand out `count` units one by
 * one, each to the manager whose next unit has the lowest priority (base + k − ½)/weight (k-th unit; at
 * most `limit` units), ties by `tieBreak` then id.
 *
 * Done in bulk: binary-search the priority x below which units can all be handed out at once (they would
 * be handed out by the one-by-one process anyway, whatever the tie-breaks), then hand out the few left
 * (at most one per manager) one by one. O(m · 64 + m²) instead of O(count · log m).
 * The caller guarantees Σ limit ≥ count.
 */
export function waterFill(
  count: number,
  base: ArrayLike<number>,
  weight: ArrayLike<number>,
  limit: ArrayLike<number>,
  tieBreak: (a: number, b: number, given: Int32Array) => number,
): Int32Array {
  const m = weight.length;
  const given = new Int32Array(m);
  if (count <= 0) return given;
  const priority = (i: number, k: number) => (base[i]! + k - 0.5) / weight[i]!;
  const unitsUpTo = (i: number, x: number) => {
    const cap = limit[i]!;
    let k = Math.min(cap, Math.max(0, Math.floor(x * weight[i]! - base[i]! + 0.5)));
    // Float rounding may put the estimate one off; settle it with the exact priority formula.
    while (k < cap && priority(i, k + 1) <= x) k++;
    while (k > 0 && priority(i, k) > x) k--;
    return k;
  };
  const unitsAt = (x: number) => {
    let sum = 0;
    for (let i = 0; i < m; i++) sum += unitsUpTo(i, x);
    return sum;
  };

  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    lo = Math.min(lo, priority(i, 0)); // below every first unit: nobody gets anything
    hi = Math.max(hi, priority(i, count)); // at least `count` units fit by here
  }
  for (let iter = 0; iter < 200; iter++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break; // adjacent doubles
    if (unitsAt(mid) <= count) lo = mid;
    else hi = mid;
  }
  let remaining = count;
  for (let i = 0; i < m; i++) {
    given[i] = unitsUpTo(i, lo);
    remaining -= given[i]!;
  }

  for (; remaining > 0; remaining--) {
    let best = -1;
    for (let i = 0; i < m; i++) {
      if (given[i]! >= limit[i]!) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const d = priority(i, given[i]! + 1) - priority(best, given[best]! + 1) || tieBreak(i, best, given);
      if (d < 0) best = i;
    }
    given[best]! += 1;
  }
  return given;
}
