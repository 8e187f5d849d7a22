// package.json as VS Code reads it: every "%key%" string replaced by its
// entry in package.nls.json (or a locale's package.nls.<locale>.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './built-cli';

/** The "%key%" placeholders of a manifest value, anywhere in it. */
export function nlsKeys(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m) into.push(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, into));
  return into;
}

/** `value` with each "%key%" replaced from `nls`; a key `nls` lacks throws. */
export function localize<T>(value: T, nls: Record<string, string>): T {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (!m) return value;
    if (!(m[1] in nls)) throw new Error(`package.json names %${m[1]}%, which the nls file lacks`);
    return nls[m[1]] as T;
  }
  if (Array.isArray(value)) return value.map((v) => localize(v, nls)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, nls)])) as T;
  return value;
}

export function readNls(file = 'package.nls.json'): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** The manifest in English, as VS Code shows it. */
export function localizedManifest(): unknown {
  return localize(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as unknown, readNls());
}
