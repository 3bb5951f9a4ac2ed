/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; the standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5). Deterministic; for a few parameters.
 */
export interface MinimizeResult { x: number[]; value: number; evaluations: number }

export function nelderMead(f: (x: number[]) => number, start: number[], opts: { step?: number; maxEvaluations?: number; tolerance?: number } = {}): MinimizeResult {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxEval = opts.maxEvaluations ?? 200;
  const tol = opts.tolerance ?? 1e-6;
  let evaluations = 0;
  const F = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, v: F(x) }));
  while (evaluations < maxEval) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const r = { x: along(-1), v: 0 };
    r.v = F(r.x);
    if (r.v < best.v) {
      const e = { x: along(-2), v: 0 };
      e.v = F(e.x);
      simplex[n] = e.v < r.v ? e : r;
    } else if (r.v < simplex[n - 1]!.v) {
      simplex[n] = r;
    } else {
      const c = { x: along(r.v < worst.v ? -0.5 : 0.5), v: 0 };
      c.v = F(c.x);
      if (c.v < Math.min(worst.v, r.v)) simplex[n] = c;
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)), v: 0 })).map((p, i) => (i === 0 ? p : { ...p, v: F(p.x) }));
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
