// The `cadence` command line (SPEC §9).

import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { join, resolve } from 'node:path';
import { isValidDate } from '../core/dates';
import { RULES_BY_CODE } from '../core/rules/index';
import { normalizeSeverity } from '../core/settings';
import type { SeveritySetting } from '../core/types';
import { eachFinding, jsonChunks, loadFolder, noteLine, textChunks } from './check';
import { fixFolder, formatFixReport } from './fix';
import { isCheckWorker, loadFolderLean, runCheckWorker } from './parallel';
import { runNew } from './new';
import { runReview } from './review';
import { sarifPieces } from './sarif';
import { isFolder } from './walk';
import * as l10n from '../core/l10n';
import { useBundle } from '../core/l10n';
import { loadBundle, localeOf } from './locale';

// l10n-exempt: the commands and options as typed
const SYNOPSIS = [
  'cadence check [FOLDER] [--format text|json|sarif] [--fix] [--today YYYY-MM-DD] [--rule CODE=SEVERITY]...',
  'cadence new PERSON [FOLDER] [--date YYYY-MM-DD] [--today YYYY-MM-DD]',
  'cadence review PERSON [FOLDER] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--today YYYY-MM-DD] [--format md|json]',
];

/** The usage text: the synopsis as typed (not words), then its explanation in the catalogue's words. */
function usage(): string {
  return [
    `${l10n.t('Usage:')} ${SYNOPSIS[0]}`,
    ...SYNOPSIS.slice(1).map((s) => `${' '.repeat(l10n.t('Usage:').length + 1)}${s}`),
    '',
    l10n.t('Checks the 1:1 notes, people and OKR files in FOLDER (default: the current folder).\n  --format sarif  one SARIF 2.1.0 log (for code scanning), one result per problem\n  --fix           first applies every fix that needs no choice (the editor\'s\n                  "Fix all"), writes the files it changed and lists each fix;\n                  then reports what is left'),
    l10n.t('cadence new creates the next 1:1 with PERSON (dated --date, default today) as\nthe editor\'s New 1:1… does, and prints its path (path:line for a meeting of a\nlog), or "exists: …" when there is one already; it never overwrites. Exit 2\nfor an unknown person or bad usage, 1 when the path is taken by another file.'),
    l10n.t('cadence review prints PERSON\'s review packet for the period --from to --to\n(both included; --to defaults to today, --from to 182 days before --to):\nMarkdown with a source link on every evidence line (md, the default), or\nJSON. It writes no file. Exit 2 for an unknown person or bad usage.'),
    l10n.t('Exit status of check: 1 when an error-severity problem was found (after --fix: is left), 2 for bad usage, else 0.\nSeverities: error, warning, info, hint, off. "Today" may also come from CADENCE_TODAY.'),
  ].join('\n');
}

class UsageError extends Error {}

interface Parsed {
  folder: string;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  today: string | undefined;
  rules: Record<string, SeveritySetting>;
}

function parseArgs(args: string[]): Parsed | 'help' | 'version' {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') return 'help';
  if (args[0] === '--version' || args[0] === '-v') return 'version';
  if (args[0] !== 'check') throw new UsageError(l10n.t('unknown command "{0}" (the commands are "check", "new" and "review")', args[0]));
  const out: Parsed = { folder: '.', format: 'text', fix: false, today: undefined, rules: {} };
  let folderSeen = false;
  const walked = walkArgs(
    args,
    (a, take, value) => {
      if (a === '--format') {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(l10n.t('--format must be text, json or sarif, not "{0}"', f));
        out.format = f;
      } else if (a === '--fix') {
        if (value !== undefined) throw new UsageError(l10n.t('--fix takes no value'));
        out.fix = true;
      } else if (a === '--today') {
        out.today = take();
        if (!isValidDate(out.today)) throw new UsageError(l10n.t('--today must be a real date YYYY-MM-DD, not "{0}"', out.today));
      } else if (a === '--rule') {
        const r = take();
        const m = /^([^=]+)=(.*)$/.exec(r);
        if (!m) throw new UsageError(l10n.t('--rule takes CODE=SEVERITY, not "{0}"', r));
        if (!RULES_BY_CODE.has(m[1])) throw new UsageError(l10n.t('--rule: unknown rule code "{0}"', m[1]));
        const s = normalizeSeverity(m[2]);
        if (!s) throw new UsageError(l10n.t('--rule: unknown severity "{0}" (use error, warning, info, hint or off)', m[2]));
        out.rules[m[1]] = s;
      } else return false;
      return true;
    },
    (a) => {
      if (folderSeen) throw new UsageError(l10n.t('only one FOLDER may be given ("{0}", then "{1}")', out.folder, a));
      out.folder = a;
      folderSeen = true;
    },
  );
  if (walked === 'help') return walked;
  return out;
}

function packageVersion(): string {
  return (require('../../package.json') as { version: string }).version;
}

/** The rule pages shipped beside the CLI: dist/../docs/rules, or src/cli/../../docs/rules when run from source. */
function rulesDocsDir(): string | undefined {
  return [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', 'docs', 'rules')].find((d) => existsSync(join(d, 'yaml-syntax.md')));
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Walks a subcommand's arguments (after its name): each option, `--x v` or
 * `--x=v`, goes to `option(name, take, inline)`, which returns true when it
 * knows it (`take()` reads its value, `inline` is the `=v` part if any); any
 * other word goes to `word`, and so does every argument after `--`. Returns
 * 'help' at --help or -h; throws a UsageError for an unknown option or a
 * missing value.
 */
function walkArgs(args: string[], option: (a: string, take: () => string, inline: string | undefined) => boolean, word: (a: string) => void): 'help' | undefined {
  for (let i = 1; i < args.length; i++) {
    let a = args[i];
    if (a === '--') {
      // The end of options (POSIX): every word after it is a word, `-x` included (a person id or a folder that starts with -).
      for (const w of args.slice(i + 1)) word(w);
      return undefined;
    }
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq !== -1) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new UsageError(l10n.t('{0} needs a value', a));
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (option(a, take, value)) continue;
    if (a.startsWith('-') && a !== '-') throw new UsageError(l10n.t('unknown option "{0}"', a));
    word(a);
  }
  return undefined;
}

interface ParsedNew {
  person: string;
  folder: string;
  date: string | undefined;
  today: string | undefined;
}

/**
 * Reads `COMMAND PERSON [FOLDER] [OPTION]...` (new, review): `option(name,
 * take)` handles an option it knows and returns true; `take()` reads its
 * value (`--x v` or `--x=v`). Returns 'help' for --help; throws a UsageError
 * for an unknown option or a wrong number of PERSON and FOLDER.
 */
function readPersonArgs(args: string[], command: string, option: (a: string, take: () => string) => boolean): { person: string; folder: string } | 'help' {
  const positional: string[] = [];
  if (walkArgs(args, option, (a) => positional.push(a)) === 'help') return 'help';
  if (positional.length === 0 || !positional[0].replace(/^@/, '')) throw new UsageError(l10n.t('{0} needs a PERSON (an id with a person file)', command));
  if (positional.length > 2) throw new UsageError(l10n.t('{0} takes PERSON and one FOLDER, not "{1}"', command, positional.slice(2).join(' ')));
  return { person: positional[0], folder: positional[1] ?? '.' };
}

/** A date option's value, which must be a real date. */
function dateOption(a: string, take: () => string): string {
  const v = take();
  if (!isValidDate(v)) throw new UsageError(l10n.t('{0} must be a real date YYYY-MM-DD, not "{1}"', a, v));
  return v;
}

function parseNewArgs(args: string[]): ParsedNew | 'help' {
  let date: string | undefined;
  let today: string | undefined;
  const r = readPersonArgs(args, 'new', (a, take) => {
    if (a === '--date') date = dateOption(a, take);
    else if (a === '--today') today = dateOption(a, take);
    else return false;
    return true;
  });
  if (r === 'help') return r;
  return { person: r.person.replace(/^@/, ''), folder: r.folder, date, today };
}

/**
 * A subcommand's shell: its arguments parsed (`--help` prints the usage),
 * FOLDER checked, today from CADENCE_TODAY unless given; a UsageError is a
 * one-line reason and exit 2. `run` gets the parsed arguments with `today` set.
 */
function subcommand<T extends { folder: string; today: string | undefined }>(
  args: string[],
  env: NodeJS.ProcessEnv,
  parse: (args: string[]) => T | 'help',
  run: (parsed: T & { today: string }) => { code: number; out: string; err: string },
): number {
  let parsed: T | 'help';
  try {
    parsed = parse(args);
    if (parsed === 'help') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (!isFolder(parsed.folder)) throw new UsageError(l10n.t('folder not found: {0}', parsed.folder));
    if (!parsed.today && env.CADENCE_TODAY !== undefined && env.CADENCE_TODAY !== '') {
      if (!isValidDate(env.CADENCE_TODAY)) throw new UsageError(l10n.t('CADENCE_TODAY must be a real date YYYY-MM-DD, not "{0}"', env.CADENCE_TODAY));
      parsed.today = env.CADENCE_TODAY;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(noteLine(e.message));
      return 2;
    }
    throw e;
  }
  const r = run({ ...parsed, today: parsed.today ?? localToday() });
  process.stdout.write(r.out);
  process.stderr.write(r.err);
  return r.code;
}

function mainNew(args: string[], env: NodeJS.ProcessEnv): number {
  return subcommand(args, env, parseNewArgs, (p) => runNew(resolve(p.folder), p.person, p.today, p.date));
}

interface ParsedReview {
  person: string;
  folder: string;
  from: string | undefined;
  to: string | undefined;
  today: string | undefined;
  format: 'md' | 'json';
}

function parseReviewArgs(args: string[]): ParsedReview | 'help' {
  const out: Omit<ParsedReview, 'person' | 'folder'> = { from: undefined, to: undefined, today: undefined, format: 'md' };
  const r = readPersonArgs(args, 'review', (a, take) => {
    if (a === '--from') out.from = dateOption(a, take);
    else if (a === '--to') out.to = dateOption(a, take);
    else if (a === '--today') out.today = dateOption(a, take);
    else if (a === '--format') {
      const f = take();
      if (f !== 'md' && f !== 'json') throw new UsageError(l10n.t('--format must be md or json, not "{0}"', f));
      out.format = f;
    } else return false;
    return true;
  });
  if (r === 'help') return r;
  return { ...out, ...r };
}

function mainReview(args: string[], env: NodeJS.ProcessEnv): number {
  return subcommand(args, env, parseReviewArgs, (p) => runReview({ folder: resolve(p.folder), person: p.person, today: p.today, from: p.from, to: p.to, format: p.format }));
}

/** The l10n bundles shipped beside the CLI: dist/../l10n, or src/cli/../../l10n when run from source. */
function l10nDir(): string {
  return [join(__dirname, '..', 'l10n'), join(__dirname, '..', '..', 'l10n')].find((d) => existsSync(d)) ?? join(__dirname, '..', 'l10n');
}

/** Runs the command line; resolves to the exit status. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { bundle, problem } = loadBundle(l10nDir(), localeOf(env));
  useBundle(bundle);
  if (problem) process.stderr.write(noteLine(problem));
  if (args[0] === 'new') return mainNew(args, env);
  if (args[0] === 'review') return mainReview(args, env);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
    if (parsed === 'help') {
      process.stdout.write(usage() + '\n');
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`cadence ${packageVersion()}\n`);
      return 0;
    }
    if (!isFolder(parsed.folder)) throw new UsageError(l10n.t('folder not found: {0}', parsed.folder));
    if (!parsed.today && env.CADENCE_TODAY !== undefined && env.CADENCE_TODAY !== '') {
      if (!isValidDate(env.CADENCE_TODAY)) throw new UsageError(l10n.t('CADENCE_TODAY must be a real date YYYY-MM-DD, not "{0}"', env.CADENCE_TODAY));
      parsed.today = env.CADENCE_TODAY;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(noteLine(e.message));
      return 2;
    }
    throw e;
  }
  const folder = resolve(parsed.folder);
  const options = { folder, today: parsed.today ?? localToday(), rules: parsed.rules };
  // --fix writes files back, so it keeps every file's text and document; a
  // plain check keeps only what the cross-file rules need (parallel.ts).
  const loaded = parsed.fix ? loadFolder({ ...options, keepFiles: true }) : await loadFolderLean({ ...options, bundle });
  const notes = [...loaded.notes];
  if (parsed.fix) {
    const report = fixFolder(loaded);
    notes.push(...report.notes);
    // The list of fixes is for people; JSON and SARIF on stdout stay one document.
    (parsed.format === 'text' ? process.stdout : process.stderr).write(formatFixReport(report));
  }
  for (const n of notes) process.stderr.write(noteLine(n));
  // The report is written as the findings come, a file's at a time: a whole
  // folder's findings and report never stand in memory at once.
  let errors = 0;
  const findings = (function* () {
    for (const f of eachFinding(loaded.dataset)) {
      if (f.severity === 'error') errors++;
      yield f;
    }
  })();
  if (parsed.format === 'json') for (const piece of jsonChunks(findings)) process.stdout.write(piece);
  else if (parsed.format === 'sarif') for (const piece of sarifPieces(findings, { folder, version: packageVersion(), docsDir: rulesDocsDir(), notes })) process.stdout.write(piece);
  else for (const piece of textChunks(findings, loaded.dataset.size)) process.stdout.write(piece);
  return errors ? 1 : 0;
}

/**
 * Turns off V8's allocation-site pretenuring for this process (the CLI and
 * its check workers; never the editor's extension host, which other
 * extensions share). A check allocates each note's parse and keeps a little
 * of it; with pretenuring, V8 moved much of the short-lived rest into the old
 * generation, which then grew ~3 MB per young collection, mostly garbage,
 * and let the heap grow to ~2.7× what it held before a full collection.
 * Without it the old generation grows ~0.5 MB per young collection (what is
 * kept). Measured on the 50k-note bench corpus (2 cores, runs interleaved,
 * 2026-12-01): peak RSS 431–435 MB instead of 541–543 MB with no worker,
 * 470 instead of 516 MB with one; wall time 15.7–17.2 s instead of
 * 20.6–21.4 s; no change at 10k within the noise. The flag is read at each
 * collection, so setting it after start-up takes effect.
 */
function tuneGcForBatch(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * A reader that stops early (`cadence check | head`, or `2>&1 | head` with
 * notes on stderr): the process ends as a shell tool killed by SIGPIPE
 * does, status 141 (128 + 13) and no message, not with Node's stack trace
 * of an unhandled EPIPE and status 1 (which reads as "errors found"). Any
 * other error of stdout or stderr is thrown as before.
 */
function stopQuietlyOnClosedPipe(): void {
  for (const out of [process.stdout, process.stderr]) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      // After the first EPIPE the stream is destroyed: a write still on its way fails as such.
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
      process.exit(141);
    });
  }
}

if (isCheckWorker()) {
  tuneGcForBatch();
  runCheckWorker();
} else if (require.main === module) {
  tuneGcForBatch();
  stopQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // As an uncaught exception: its stack, exit 1.
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
