/**
 * Which of the owner's listed programs are running. Names match without case and
 * without a Windows `.exe`, so "Steam" in the list matches `steam.exe` and `steam`.
 */
export function runningBlockers(running: readonly string[], listed: readonly string[]): string[] {
  const norm = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/\.exe$/, '');
  const present = new Set(running.map(norm));
  return listed.filter((name) => norm(name) !== '' && present.has(norm(name)));
}
