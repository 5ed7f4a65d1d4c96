export type Strength = 'tooShort' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a gate: length matters most, mixing kinds of characters helps. The
 * core only requires 8 characters; this nudges owners toward a phrase they can remember.
 */
export function passwordStrength(password: string): Strength {
  if (password.length < 8) return 'tooShort';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (password.length >= 16 || (password.length >= 12 && kinds >= 3)) return 'strong';
  if (password.length >= 10 || kinds >= 3) return 'fair';
  return 'weak';
}
