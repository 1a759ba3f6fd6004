/**
 * Picks the best of `available` language tags for an `Accept-Language` header (RFC 9110 §12.5.4, basic
 * filtering per RFC 4647 §3.3.1): highest q first; a range matches a tag equal to it or starting with it plus
 * `-`; a tag also matches a range that starts with it (a `de` text serves `de-CH`). `*`, no header or no match
 * gives `fallback`. Comparison ignores case.
 */
export function pickLanguage(
  available: readonly string[],
  acceptLanguage: string | undefined,
  fallback: string,
): string {
  if (acceptLanguage === undefined || acceptLanguage.length > 1024) return fallback;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { range: range.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.range !== '' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const lowered = available.map((tag) => tag.toLowerCase());
  for (const { range } of ranges) {
    if (range === '*') return fallback;
    const exact = lowered.indexOf(range);
    if (exact !== -1) return available[exact]!;
    const narrower = lowered.findIndex((tag) => tag.startsWith(`${range}-`));
    if (narrower !== -1) return available[narrower]!;
    const broader = lowered.findIndex((tag) => range.startsWith(`${tag}-`));
    if (broader !== -1) return available[broader]!;
  }
  return fallback;
}
