/**
 * Count draws for the model: Poisson and binomial. Two implementations of one interface: `RandomDraws`
 * samples from a keyed stream; `MeanDraws` returns each distribution's expectation, which turns the
 * same model code into its deterministic mean-field version (used by calibration: smooth, noise-free).
 */
import type { Stream } from './rng.js';

export interface Draws {
  /** Poisson(lambda). */
  poisson(lambda: number): number;
  /** Binomial(n, p). */
  binomial(n: number, p: number): number;
  /** A whole number with expectation x ≥ 0: ⌊x⌋, plus 1 with probability x − ⌊x⌋ (randomized rounding). */
  round(x: number): number;
}

/** The expectation of each draw: the mean-field model. */
export const MeanDraws: Draws = {
  poisson: (lambda) => (lambda > 0 ? lambda : 0),
  binomial: (n, p) => (n > 0 && p > 0 ? n * Math.min(p, 1) : 0),
  round: (x) => (x > 0 ? x : 0),
};

/** log(k!) for k ≥ 0: exact table below 128, Stirling's series above (error below 1e-12). */
const LOG_FACT = (() => {
  const t = new Float64Array(128);
  for (let i = 2; i < 128; i++) t[i] = t[i - 1]! + Math.log(i);
  return t;
})();
export function logFactorial(k: number): number {
  if (k < 128) return LOG_FACT[k]!;
  const x = k + 1;
  const x2 = 1 / (x * x);
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046727 + (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 / 1680)));
}

/** Draws from a keyed stream (the caller re-keys the stream per county and day). */
export class RandomDraws implements Draws {
  constructor(readonly stream: Stream) {}

  round(x: number): number {
    if (!(x > 0)) return 0;
    const whole = Math.floor(x);
    return x > whole && this.stream.uniform() < x - whole ? whole + 1 : whole;
  }

  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    return lambda < 10 ? this.poissonInversion(lambda) : this.poissonPtrs(lambda);
  }

  /** Multiplication method (Knuth), exact; cost grows with lambda, so used below 10. */
  private poissonInversion(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = this.stream.uniform();
    while (prod > limit) {
      k++;
      prod *= this.stream.uniform();
    }
    return k;
  }

  /**
   * Hörmann's transformed rejection with squeeze (PTRS; W. Hörmann, "The transformed rejection method
   * for generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993), as in
   * NumPy's random_poisson_ptrs. Constant expected cost for lambda ≥ 10.
   */
  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = this.stream.uniform() - 0.5;
      const V = this.stream.open();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  }

  /**
   * Binomial by geometric waiting times (the second waiting-time method, Devroye 1986, X.4): exact,
   * with expected cost n·min(p, 1−p) + 1 — linear in the events drawn.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    const lq = Math.log1p(-p);
    let x = 0;
    let pos = 0;
    for (;;) {
      pos += Math.floor(Math.log(this.stream.open()) / lq) + 1;
      if (pos > n) return x;
      x++;
    }
  }
}
