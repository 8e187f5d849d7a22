// Walks a workspace folder for files Cadence may read. node_modules, .git and
// files.exclude are never entered; one unreadable entry never stops the walk.

import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { excludedBy } from '../core/globs';
import { isCandidatePath } from '../core/parse/index';
import * as l10n from '../core/l10n';

const NEVER = new Set(['node_modules', '.git']);

export function walk(root: string, filesExclude: readonly string[], notes: string[]): string[] {
  const excluded = filesExclude.length ? excludedBy(filesExclude) : () => false;
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (e) {
      notes.push(l10n.t('{0}: cannot read folder ({1}); skipped', rel || '.', String((e as NodeJS.ErrnoException).code ?? e)));
      return;
    }
    const garbled = entries.some((ent) => ent.name.includes('\ufffd')) ? garbledNames(join(root, rel)) : undefined;
    for (const ent of entries) {
      if (NEVER.has(ent.name)) continue;
      const path = rel ? `${rel}/${ent.name}` : ent.name;
      if (excluded(path)) continue;
      let dir = ent.isDirectory();
      let file = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const s = statSync(join(root, path));
          // Linked folders are not followed: a link cycle must not hang a check.
          dir = false;
          file = s.isFile();
        } catch {
          file = false;
        }
      }
      if (!dir && !(file && isCandidatePath(path))) continue;
      if (garbled?.has(ent.name)) notes.push(l10n.t('{0}: its name is not valid UTF-8; skipped', path));
      else if (dir) visit(path);
      else out.push(path);
    }
  };
  visit('');
  return out;
}

/**
 * The names in folder `dir` that are not valid UTF-8, as Node decodes them
 * (each bad byte as U+FFFD): such a file cannot be named again from its
 * decoded name (reading it would fail with ENOENT), so it is skipped with a
 * note that says why. Read again as bytes only when a name shows U+FFFD.
 */
function garbledNames(dir: string): Set<string> {
  const out = new Set<string>();
  try {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      const text = name.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(name)) out.add(text);
    }
  } catch {
    // Unreadable now: the entries are tried as they are.
  }
  return out;
}

export function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory() || statSync(path).isDirectory();
  } catch {
    return false;
  }
}
