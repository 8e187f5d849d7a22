// The `cadence` command line (SPEC §9).

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isValidDate } from '../core/dates';
import { RULES_BY_CODE } from '../core/rules/index';
import { normalizeSeverity } from '../core/settings';
import type { SeveritySetting } from '../core/types';
import { findingsOf, formatText, loadFolder } from './check';
import { fixFolder, formatFixReport } from './fix';
import { runNew } from './new';
import { toSarif } from './sarif';
import { isFolder } from './walk';

const USAGE = `Usage: cadence check [FOLDER] [--format text|json|sarif] [--fix] [--today YYYY-MM-DD] [--rule CODE=SEVERITY]...
       cadence new PERSON [FOLDER] [--date YYYY-MM-DD] [--today YYYY-MM-DD]

Checks the 1:1 notes, people and OKR files in FOLDER (default: the current folder).
  --format sarif  one SARIF 2.1.0 log (for code scanning), one result per problem
  --fix           first applies every fix that needs no choice (the editor's
                  "Fix all"), writes the files it changed and lists each fix;
                  then reports what is left
cadence new creates the next 1:1 with PERSON (dated --date, default today) as
the editor's New 1:1… does, and prints its path (path:line for a meeting of a
log), or "exists: …" when there is one already; it never overwrites. Exit 2
for an unknown person or bad usage, 1 when the path is taken by another file.
Exit status of check: 1 when an error-severity problem was found (after --fix: is left), 2 for bad usage, else 0.
Severities: error, warning, info, hint, off. "Today" may also come from CADENCE_TODAY.`;

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
  if (args[0] !== 'check') throw new UsageError(`unknown command "${args[0]}" (the commands are "check" and "new")`);
  const out: Parsed = { folder: '.', format: 'text', fix: false, today: undefined, rules: {} };
  let folderSeen = false;
  for (let i = 1; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq !== -1) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
      out.format = f;
    } else if (a === '--fix') {
      if (value !== undefined) throw new UsageError('--fix takes no value');
      out.fix = true;
    } else if (a === '--today') {
      out.today = take();
      if (!isValidDate(out.today)) throw new UsageError(`--today must be a real date YYYY-MM-DD, not "${out.today}"`);
    } else if (a === '--rule') {
      const r = take();
      const m = /^([^=]+)=(.*)$/.exec(r);
      if (!m) throw new UsageError(`--rule takes CODE=SEVERITY, not "${r}"`);
      if (!RULES_BY_CODE.has(m[1])) throw new UsageError(`--rule: unknown rule code "${m[1]}"`);
      const s = normalizeSeverity(m[2]);
      if (!s) throw new UsageError(`--rule: unknown severity "${m[2]}" (use error, warning, info, hint or off)`);
      out.rules[m[1]] = s;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option "${a}"`);
    } else {
      if (folderSeen) throw new UsageError(`only one FOLDER may be given ("${out.folder}", then "${a}")`);
      out.folder = a;
      folderSeen = true;
    }
  }
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

interface ParsedNew {
  person: string;
  folder: string;
  date: string | undefined;
  today: string | undefined;
}

function parseNewArgs(args: string[]): ParsedNew | 'help' {
  const out: ParsedNew = { person: '', folder: '.', date: undefined, today: undefined };
  const positional: string[] = [];
  for (let i = 1; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq !== -1) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--date' || a === '--today') {
      const v = take();
      if (!isValidDate(v)) throw new UsageError(`${a} must be a real date YYYY-MM-DD, not "${v}"`);
      if (a === '--date') out.date = v;
      else out.today = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else positional.push(a);
  }
  if (positional.length === 0) throw new UsageError('new needs a PERSON (an id with a person file)');
  if (positional.length > 2) throw new UsageError(`new takes PERSON and one FOLDER, not "${positional.slice(2).join(' ')}"`);
  out.person = positional[0].replace(/^@/, '');
  if (positional[1] !== undefined) out.folder = positional[1];
  return out;
}

function mainNew(args: string[], env: NodeJS.ProcessEnv): number {
  let parsed: ParsedNew | 'help';
  try {
    parsed = parseNewArgs(args);
    if (parsed === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (!isFolder(parsed.folder)) throw new UsageError(`folder not found: ${parsed.folder}`);
    if (!parsed.today && env.CADENCE_TODAY !== undefined && env.CADENCE_TODAY !== '') {
      if (!isValidDate(env.CADENCE_TODAY)) throw new UsageError(`CADENCE_TODAY must be a real date YYYY-MM-DD, not "${env.CADENCE_TODAY}"`);
      parsed.today = env.CADENCE_TODAY;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cadence: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const r = runNew(resolve(parsed.folder), parsed.person, parsed.today ?? localToday(), parsed.date);
  process.stdout.write(r.out);
  process.stderr.write(r.err);
  return r.code;
}

export function main(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  if (args[0] === 'new') return mainNew(args, env);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
    if (parsed === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`cadence ${packageVersion()}\n`);
      return 0;
    }
    if (!isFolder(parsed.folder)) throw new UsageError(`folder not found: ${parsed.folder}`);
    if (!parsed.today && env.CADENCE_TODAY !== undefined && env.CADENCE_TODAY !== '') {
      if (!isValidDate(env.CADENCE_TODAY)) throw new UsageError(`CADENCE_TODAY must be a real date YYYY-MM-DD, not "${env.CADENCE_TODAY}"`);
      parsed.today = env.CADENCE_TODAY;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cadence: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const folder = resolve(parsed.folder);
  const loaded = loadFolder({ folder, today: parsed.today ?? localToday(), rules: parsed.rules, keepFiles: parsed.fix });
  const notes = [...loaded.notes];
  if (parsed.fix) {
    const report = fixFolder(loaded);
    notes.push(...report.notes);
    // The list of fixes is for people; JSON and SARIF on stdout stay one document.
    (parsed.format === 'text' ? process.stdout : process.stderr).write(formatFixReport(report));
  }
  for (const n of notes) process.stderr.write(`cadence: ${n}\n`);
  const findings = findingsOf(loaded.dataset);
  const version = packageVersion();
  if (parsed.format === 'json') process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  else if (parsed.format === 'sarif') process.stdout.write(JSON.stringify(toSarif(findings, { folder, version, docsDir: rulesDocsDir(), notes }), null, 2) + '\n');
  else process.stdout.write(formatText({ findings, files: loaded.dataset.size, notes }));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
