/** Median of numbers (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `names` rotated left by `by` places. */
export function rotate(names, by) {
  const k = by % names.length;
  return [...names.slice(k), ...names.slice(0, k)];
}

/** A number with thousands separators and `digits` decimals. */
export function formatNumber(value, digits = 0) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
