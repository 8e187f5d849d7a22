// What the end-to-end CLI tests share: run the built bundle, write a
// throw-away workspace, read a folder back as path → text.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanEnv } from '../../scripts/lib/clean-env';
import { CLI } from './built-cli';
import { tempDir } from './temp-dirs';

/** Runs `cadence ARGS` (the built bundle) in `cwd` (default: this process's) with a clean environment and no CADENCE_TODAY unless `env` sets one. */
export function cadence(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...cleanEnv(), CADENCE_TODAY: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new temporary folder holding `files` (relative path → text), removed after the run. */
export function workspace(files: Record<string, string>, prefix = 'cadence-cli-'): string {
  const dir = tempDir(prefix);
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

/** Every file under `dir`, relative path (`/` form) → text. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'utf8');
    }
  };
  walk('');
  return out;
}
