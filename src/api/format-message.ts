import type { Message } from './message.js';
import { resources } from './locales/index.js';

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree | undefined, path: string[]): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Renders a message in a language, for places without the UI's i18n library (the
 * CLI, the tray tooltip). Falls back to English, then to the key itself.
 */
export function formatMessage(
  lang: keyof typeof resources,
  message: Message,
  formatValue: (name: string, value: string | number | boolean) => string = (_n, v) => String(v),
): string {
  const [ns, path] = message.key.split(':', 2) as [string, string | undefined];
  const parts = (path ?? '').split('.');
  const tree = (resources[lang] as Record<string, Tree>)[ns];
  const en = (resources.en as Record<string, Tree>)[ns];
  const template = lookup(tree, parts) ?? lookup(en, parts) ?? message.key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = message.values?.[name];
    return value === undefined ? whole : formatValue(name, value);
  });
}
