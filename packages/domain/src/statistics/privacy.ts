/**
 * Differential privacy for public releases (decision 0012, last section).
 *
 * A release in differential-privacy mode adds to every published count a
 * noise drawn from the two-sided geometric distribution (the discrete
 * Laplace mechanism): P(z) ∝ exp(−ε·|z|/Δ), where ε is the share of the
 * release's privacy budget spent on that table and Δ the table's
 * sensitivity — how much one woman can change the table's counts in total.
 * Smaller ε means more noise and more privacy.
 *
 * Conservative choices:
 * - a table where a woman is in one cell (`additive`) has Δ = 1; a table
 *   where she may be in several cells (violence types, vulnerabilities,
 *   needs) has Δ = every cell of the table (rows × columns), the most she
 *   could change, even if in practice she changes fewer;
 * - the release's ε is split equally over its tables and the two summary
 *   counts (women counted, women left out), so the whole release costs ε;
 * - after the noise a count is clamped at 0 and the small-cell and
 *   complementary suppression rules still apply, on the noisy counts only
 *   (post-processing: it spends no budget);
 * - quartiles of durations are not published in this mode (they are actual
 *   values of the data).
 *
 * The random source is the caller's: the server passes cryptographic
 * randomness, tests a seeded generator.
 */
import { protectTable, type Margins, type ProtectedTable, type RawCell } from './disclosure.js';

/** Bounds of a release's total ε. */
export const MIN_EPSILON = 0.1;
export const MAX_EPSILON = 10;
/** A suggested ε for a public release. */
export const DEFAULT_EPSILON = 1;

/** A uniform random number in [0, 1). */
export type UniformSource = () => number;

/** The ratio α = exp(−ε/Δ) between the probabilities of consecutive noise values. */
export function geometricAlpha(epsilon: number, sensitivity: number): number {
  if (!(epsilon > 0) || !(sensitivity > 0)) throw new RangeError('epsilon and sensitivity must be positive');
  return Math.exp(-epsilon / sensitivity);
}

/** The variance of the two-sided geometric noise: 2α / (1 − α)². Its mean is 0. */
export function geometricVariance(epsilon: number, sensitivity: number): number {
  const a = geometricAlpha(epsilon, sensitivity);
  return (2 * a) / (1 - a) ** 2;
}

/** A one-sided geometric draw: P(g) = (1 − α)·α^g for g = 0, 1, 2, … (by inversion). */
function oneSided(alpha: number, random: UniformSource): number {
  // 1 − random() is in (0, 1], so the logarithm is finite.
  const u = 1 - random();
  return Math.floor(Math.log(u) / Math.log(alpha));
}

/**
 * A two-sided geometric noise: the difference of two independent one-sided
 * draws has P(z) = (1 − α)/(1 + α) · α^|z|, that is P(z) ∝ exp(−ε|z|/Δ).
 */
export function geometricNoise(epsilon: number, sensitivity: number, random: UniformSource): number {
  const alpha = geometricAlpha(epsilon, sensitivity);
  return oneSided(alpha, random) - oneSided(alpha, random);
}

/** A count with its noise, clamped at 0. */
export function noisyCount(
  count: number,
  epsilon: number,
  sensitivity: number,
  random: UniformSource,
): number {
  return Math.max(0, count + geometricNoise(epsilon, sensitivity, random));
}

/**
 * The sensitivity of a table: 1 when a woman is in one cell of it, otherwise
 * every cell of the table (conservative: the most she could change).
 */
export function tableSensitivity(shape: { additive: boolean; rows: number; cols: number }): number {
  if (shape.additive) return 1;
  return Math.max(1, shape.rows * Math.max(1, shape.cols));
}

/** The two summary counts of a release (women counted and left out) each take a share of ε. */
export const SUMMARY_COUNTS = 2;

/** Each table's share of a release's ε: equal shares over its tables and the two summary counts. */
export function epsilonShare(total: number, tables: number): number {
  return total / (tables + SUMMARY_COUNTS);
}

/**
 * Publish a table of true counts under differential privacy: geometric
 * noise on every cell, clamped at 0, then the small-cell and complementary
 * suppression rules on the noisy counts (totals are sums of published cells).
 */
export function protectTableDp(
  counts: readonly (readonly number[])[],
  k: number,
  margins: Margins,
  epsilon: number,
  sensitivity: number,
  random: UniformSource,
): ProtectedTable {
  const noisy: RawCell[][] = counts.map((row) =>
    row.map((count) => ({ count: noisyCount(count, epsilon, sensitivity, random), keySum: 0 })),
  );
  return protectTable(noisy, k, margins, { perturb: false });
}

/** A seeded uniform source (mulberry32) for tests and reproducible examples; never for a release. */
export function seededUniform(seed: number): UniformSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
