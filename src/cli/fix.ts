// `cadence check --fix`: applies the fixes that need no choice (the ones the
// editor's "Fix all" applies, chosen by the same core function), once, and
// writes each changed file safely. A file with nothing to fix is never opened
// for writing.

import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, chownSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyToFileText, fixAllChoice } from '../core/fix-all';
import { oneLine, type LoadedFolder } from './check';
import * as l10n from '../core/l10n';

/** One fix applied: where its diagnostic was (1-based line, in the text it was fixed in), its code and title. */
export interface AppliedFix {
  readonly line: number;
  readonly code: string;
  readonly title: string;
}

export interface FixReport {
  /** Files written, in path order, with the fixes applied to each. */
  readonly fixed: { readonly file: string; readonly fixes: readonly AppliedFix[] }[];
  /** Files left alone and why (changed on disk meanwhile, could not be written). */
  readonly notes: string[];
}

/**
 * Overlapping fixes wait for another pass; a fix never repeats within one
 * (its diagnostic is gone), so this bound is only a guard, as ESLint's 10.
 */
const MAX_PASSES = 10;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

/**
 * Applies every safe fix of every file of `loaded`, updates its dataset to
 * the fixed texts, and writes the files that changed. Passes repeat only while
 * a pass left out fixes that overlapped one it applied.
 */
export function fixFolder(loaded: LoadedFolder): FixReport {
  const { dataset, files } = loaded;
  if (files.size === 0 && dataset.size > 0) throw new Error('fixFolder: the folder was loaded without keepFiles, so there is no text to fix');
  const texts = new Map<string, string>();
  for (const [path, f] of files) texts.set(path, f.text);
  const applied = new Map<string, AppliedFix[]>();

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const changes: [string, string][] = [];
    let skipped = 0;
    for (const path of dataset.paths()) {
      const text = texts.get(path);
      if (text === undefined) continue;
      const choice = fixAllChoice(dataset.diagnostics(path).map((d) => ({ diagnostic: d, fixes: dataset.fixes(path, d, text) })));
      if (choice.edits.length === 0) continue;
      const next = applyToFileText(text, choice.edits);
      if (next === text) continue;
      skipped += choice.skipped;
      const list = applied.get(path) ?? [];
      for (const c of choice.chosen) list.push({ line: c.diagnostic.range.start.line + 1, code: c.diagnostic.code, title: c.fix.title });
      applied.set(path, list);
      changes.push([path, next]);
    }
    if (changes.length === 0) break;
    dataset.batch(() => {
      for (const [path, next] of changes) {
        texts.set(path, next);
        dataset.setFile(path, next);
      }
    });
    if (skipped === 0) break;
  }

  const report: FixReport = { fixed: [], notes: [] };
  for (const path of [...applied.keys()].sort()) {
    const original = files.get(path)!;
    const next = texts.get(path)!;
    const problem = writeSafely(join(loaded.folder, path), original.bytes, Buffer.from(next, 'utf8'));
    if (problem) {
      report.notes.push(l10n.t('{0}: {1}; not fixed', path, problem));
      // What is reported afterwards is what is on disk.
      dataset.setFile(path, original.text);
      continue;
    }
    report.fixed.push({ file: path, fixes: applied.get(path)! });
  }
  return report;
}

/**
 * Replaces the file's content with `text` (a BOM kept when the file had one),
 * unless the file changed since it was read. Writes a temporary file beside it
 * and renames it over the file, so a crash leaves the old file or the new one,
 * never half of one; a symbolic link is followed (the link stays a link), and
 * a file with several hard links is written in place so every link sees it.
 * Returns why nothing was written, or undefined when it was.
 */
export function writeSafely(path: string, read: Buffer, text: Buffer): string | undefined {
  let target: string;
  let now: Buffer;
  try {
    target = realpathSync(path);
    now = readFileSync(target);
  } catch (e) {
    return l10n.t('cannot read it again ({0})', String((e as NodeJS.ErrnoException).code ?? e));
  }
  if (!now.equals(read)) return l10n.t('it changed on disk while it was being checked');
  const data = hasBom(read) ? Buffer.concat([Buffer.from(UTF8_BOM), text]) : text;
  try {
    const st = statSync(target);
    if (st.nlink > 1) {
      writeFileSync(target, data);
      return undefined;
    }
    const temp = join(dirname(target), `.${basename(target)}.cadence-fix-${process.pid}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temp, 'wx', st.mode & 0o7777);
      writeSync(fd, data);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      try {
        chownSync(temp, st.uid, st.gid);
      } catch {
        // Only a privileged process may give a file away; the content is what matters.
      }
      renameSync(temp, target);
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Never made, or already gone.
      }
      throw e;
    }
    return undefined;
  } catch (e) {
    return l10n.t('cannot write it ({0})', String((e as NodeJS.ErrnoException).code ?? e));
  }
}

/** What --fix prints: one line per fix applied, then a count. */
export function formatFixReport(report: FixReport): string {
  const lines: string[] = [];
  let n = 0;
  for (const f of report.fixed) {
    for (const a of f.fixes) {
      lines.push(l10n.t('fixed {0}:{1} {2}: {3}', oneLine(f.file), a.line, a.code, oneLine(a.title)));
      n++;
    }
  }
  const files = report.fixed.length;
  lines.push(
    n === 0
      ? l10n.t('Nothing to fix.')
      : n === 1
        ? l10n.t('Fixed 1 problem in 1 file.')
        : files === 1
          ? l10n.t('Fixed {0} problems in 1 file.', n)
          : l10n.t('Fixed {0} problems in {1} files.', n, files),
  );
  return lines.join('\n') + '\n';
}
