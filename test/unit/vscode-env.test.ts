// scripts/vscode-env.sh's failure messages (issue #13): a failed install step
// ends with ONE line naming the step, its log file and the likely cause. The
// step's npm is replaced by a stand-in that fails the way the real one did.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv } from '../../scripts/lib/clean-env';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'vscode-env.sh');
const DEBS = ['chromium', 'fonts-dejavu-core', 'libkrb5-dev', 'pkg-config'];

function debsInstalled(): boolean {
  return DEBS.every((p) => /install ok installed/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout ?? ''));
}

/** Runs the script with an empty cache and a fake `npm` that prints `log` and exits 1. */
function runWithFailingNpm(log: string): { status: number | null; stderr: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-vscode-env-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(log)}\nexit 1\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  const cache = join(dir, 'cache');
  const env = cleanEnv();
  const r = spawnSync('bash', [SCRIPT], { env: { ...env, PATH: `${bin}:${env.PATH}`, CADENCE_TEST_CACHE: cache }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, cache };
}

describe('vscode-env.sh: a failed step says which, where its log is, and why, in one line (#13)', function () {
  this.timeout(60_000);
  before(function () {
    // The Debian step comes first and needs root; the suite's env stage installs them.
    if (!debsInstalled()) this.skip();
  });

  const cases: Array<[string, RegExp]> = [
    ['ERROR: code-server currently requires node v24.\nWe have detected that you are on node v20', /another Node's npm settings/],
    ['npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org failed', /registry could not be reached/],
    ['npm error code ENOSPC\nnpm error nospc ENOSPC: no space left on device', /disk is full/],
    ['gyp ERR! build error', /native module did not compile/],
  ];
  for (const [log, cause] of cases) {
    it(`names the cause for: ${log.split('\n')[0]}`, () => {
      const r = runWithFailingNpm(log);
      try {
        assert.equal(r.status, 1, r.stderr);
        const last = r.stderr.trim().split('\n').pop()!;
        assert.match(last, /^vscode-env: npm install node-linux-(x64|arm64)@[\d.]+ failed with exit 1 \(log: [^)]+\/logs\/node\.log\); likely cause: /);
        assert.match(last, cause);
        // The first-run notice is said once, with what it installs and where.
        assert.equal(r.stderr.split('first run: installing').length - 1, 1, r.stderr);
        // Nothing is marked complete after a failure: the next run redoes it.
        assert.equal(existsSync(join(r.cache, `node-24.21.0`, '.complete')), false);
      } finally {
        rmSync(resolve(r.cache, '..'), { recursive: true, force: true });
      }
    });
  }

  it('an unknown failure still names the step and its log, with no guessed cause', () => {
    const r = runWithFailingNpm('something nobody has seen before');
    try {
      const last = r.stderr.trim().split('\n').pop()!;
      assert.match(last, /^vscode-env: npm install node-linux-(x64|arm64)@[\d.]+ failed with exit 1 \(log: [^)]+\/node\.log\)$/);
    } finally {
      rmSync(resolve(r.cache, '..'), { recursive: true, force: true });
    }
  });
});
