/**
 * Reads a number the owner typed, accepting a decimal comma ("1,5") as Indonesian
 * owners write it. Returns null for anything that is not a plain number.
 */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A number within bounds (and whole when asked), or null. */
export function parseInRange(
  text: string,
  min: number,
  max: number,
  options: { integer?: boolean } = {},
): number | null {
  const value = parseNumber(text);
  if (value === null || value < min || value > max) return null;
  if (options.integer && !Number.isInteger(value)) return null;
  return value;
}
