import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * Resolves a URL path inside the renderer folder, or null when it would escape it
 * (`..`, encoded slashes, absolute paths) or does not exist.
 */
export async function resolveStatic(
  root: string,
  urlPath: string,
): Promise<{ file: string; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded);
  const base = resolve(root);
  const file = resolve(join(base, relative));
  if (file !== base && !file.startsWith(base + sep)) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
  } catch {
    return null;
  }
  return { file, type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

export async function readStatic(file: string): Promise<Buffer> {
  return readFile(file);
}
