// `cadence new PERSON [FOLDER] [--date D] [--today D]` (SPEC §16): the next
// 1:1, through the same core function as the editor's New 1:1….

import { mkdirSync, openSync, writeSync, closeSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nextOneOnOne } from '../core/actions/next-one-on-one';
import { applyToFileText } from '../core/fix-all';
import { normalize } from '../core/text';
import { loadFolder, noPersonLine, noteLine } from './check';
import { writeSafely } from './fix';
import * as l10n from '../core/l10n';

export interface NewResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `cadence new` on a folder; never overwrites a file. */
export function runNew(folder: string, person: string, today: string, date: string | undefined): NewResult {
  const loaded = loadFolder({ folder, today, rules: {}, keepFiles: true });
  const linesOf = (path: string) => {
    const f = loaded.files.get(path);
    return f ? normalize(f.text).split('\n') : undefined;
  };
  const plan = nextOneOnOne(loaded.dataset, person, today, { date, linesOf });
  if (!plan) return { code: 2, out: '', err: noPersonLine(loaded.dataset, person, l10n.t('no person file for "{0}" (people/{1}.md)', person, person.toLowerCase())) };
  const where = (path: string, line: number | undefined) => (line === undefined ? path : `${path}:${line + 1}`);
  // l10n-exempt: `exists: PATH` is output a script reads (SPEC §16), not words
  if (plan.kind === 'exists') return { code: 0, out: `exists: ${where(plan.path, plan.line)}\n`, err: '' };
  if (plan.kind === 'unsafe-id') return { code: 1, out: '', err: noteLine(l10n.t('the id "{0}" cannot name the folder of its 1:1 notes (1on1s/{0}/): give the person file an id without "/", "\\" or ".."; nothing written', plan.id)) };

  if (plan.text !== undefined) {
    const target = join(folder, plan.path);
    if (existsSync(target)) return { code: 1, out: '', err: noteLine(l10n.t('{0} exists and is not the 1:1 with {1} on that date; nothing written', plan.path, person)) };
  }
  // Every edited file must be unchanged since it was read, and every edit must apply, before anything is written.
  const next = new Map<string, string>();
  for (const [path, edits] of plan.edits) {
    const f = loaded.files.get(path);
    if (!f) return { code: 1, out: '', err: noteLine(l10n.t('{0} could not be read; nothing written', path)) };
    next.set(path, applyToFileText(f.text, edits));
  }
  if (plan.text !== undefined) {
    const target = join(folder, plan.path);
    mkdirSync(dirname(target), { recursive: true });
    let fd: number;
    try {
      fd = openSync(target, 'wx');
    } catch {
      return { code: 1, out: '', err: noteLine(l10n.t('{0} exists; nothing written', plan.path)) };
    }
    writeSync(fd, plan.text);
    closeSync(fd);
  }
  const problems: string[] = [];
  for (const [path, text] of next) {
    const p = writeSafely(join(folder, path), loaded.files.get(path)!.bytes, Buffer.from(text, 'utf8'));
    if (p) problems.push(noteLine(l10n.t('{0}: {1}; not written', path, p)));
  }
  return { code: problems.length ? 1 : 0, out: `${where(plan.path, plan.line)}\n`, err: problems.join('') };
}
