/** Distinct values of a column, ascending, and for each row the index of its value: per-value work is done once. */
export function indexed(values: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const sorted = Float64Array.from(values).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  const unique = sorted.slice(0, distinct);
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    // Binary search: sorting and searching beat hashing doubles (a Map) several times over.
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    index[i] = lo;
  }
  return { values: unique, index };
}
