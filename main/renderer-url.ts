import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

function filePathOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Only local files with no host part: file://server/share is a network location.
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost'))
    return null;
  parsed.hash = '';
  parsed.search = '';
  try {
    return fileURLToPath(parsed);
  } catch {
    return null;
  }
}

/** True when `url` is our renderer page itself (any #route or ?query on it is fine). */
export function isRendererPage(url: string, rendererIndex: string): boolean {
  return filePathOf(url) === rendererIndex;
}

/** True when `url` is a file inside the renderer folder (its scripts, styles, images). */
export function isInsideRendererDir(url: string, rendererDir: string): boolean {
  const path = filePathOf(url);
  if (path === null) return false;
  const rel = relative(rendererDir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
