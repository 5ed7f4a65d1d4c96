/**
 * Field paths point into a JSON document the way people write them in EVCC and Home
 * Assistant templates: `site.gridPower`, `data[0].value`, `[2]`. '' is the document itself.
 */
export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number };

export type PathResult = { found: true; value: unknown } | { found: false };

const SEGMENT = /^([^.[\]\s]+)?((?:\[\d+\])*)$/;

/** The steps of a path, or null when it is not a valid path. */
export function parseFieldPath(path: string): PathStep[] | null {
  if (path === '') return [];
  const steps: PathStep[] = [];
  const segments = path.split('.');
  for (const [i, segment] of segments.entries()) {
    const match = SEGMENT.exec(segment);
    if (!match) return null;
    const key = match[1];
    const indexes = match[2] ?? '';
    // Only the first segment may start with an index (`[0].value`); `a.[0]` is a typo.
    if (key === undefined && (i > 0 || indexes === '')) return null;
    if (key !== undefined) steps.push({ kind: 'key', key });
    for (const m of indexes.matchAll(/\[(\d+)\]/g)) {
      const index = Number(m[1]);
      if (!Number.isSafeInteger(index)) return null;
      steps.push({ kind: 'index', index });
    }
  }
  return steps;
}

/** Follows the steps; a missing key, a key on a non-object or an index on a non-array is "not found". */
export function resolveSteps(doc: unknown, steps: readonly PathStep[]): PathResult {
  let current: unknown = doc;
  for (const step of steps) {
    if (step.kind === 'index') {
      if (!Array.isArray(current) || step.index >= current.length) return { found: false };
      current = current[step.index] as unknown;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) {
        return { found: false };
      }
      if (!Object.hasOwn(current, step.key)) return { found: false };
      current = (current as Record<string, unknown>)[step.key];
    }
  }
  return { found: true, value: current };
}

export function resolveFieldPath(doc: unknown, path: string): PathResult {
  const steps = parseFieldPath(path);
  return steps === null ? { found: false } : resolveSteps(doc, steps);
}
