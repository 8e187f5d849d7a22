// The CLI's language (issue 20 item 6): the same bundles the extension
// ships (l10n/bundle.l10n.<locale>.json, the core's catalogue, core/l10n.ts),
// chosen from the environment as other command-line tools do.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../core/l10n';
import * as l10n from '../core/l10n';

/**
 * The locale the environment asks for: CADENCE_LOCALE, else LC_ALL,
 * LC_MESSAGES, LANG (POSIX: the first one set wins), as a lower-case BCP 47
 * tag ("de_DE.UTF-8" → "de-de"); undefined for C, POSIX or nothing set.
 */
export function localeOf(env: NodeJS.ProcessEnv): string | undefined {
  const raw = [env.CADENCE_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (!raw) return undefined;
  const tag = raw.replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  return tag === 'c' || tag === 'posix' || !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(tag) ? undefined : tag;
}

/**
 * The bundle for `locale` in `dir` (bundle.l10n.<locale>.json, else the
 * language's bundle.l10n.<language>.json), or undefined: English. A bundle
 * that is not a JSON object of strings is not used (the caller says so).
 */
export function loadBundle(dir: string, locale: string | undefined): { bundle?: Bundle; problem?: string } {
  if (!locale) return {};
  const tags = [locale, locale.split('-')[0]].filter((t, i, all) => all.indexOf(t) === i);
  for (const tag of tags) {
    const file = join(dir, `bundle.l10n.${tag}.json`);
    if (!existsSync(file)) continue;
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (data && typeof data === 'object' && !Array.isArray(data) && Object.values(data).every((v) => typeof v === 'string')) return { bundle: data as Bundle };
      return { problem: l10n.t('{0} is not a JSON object of strings; messages stay in English', file) };
    } catch (e) {
      return { problem: l10n.t('{0} does not parse ({1}); messages stay in English', file, (e as Error).message) };
    }
  }
  return {};
}
