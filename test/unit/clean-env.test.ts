// The environment a nested npm/node gets when a script run by npm starts it
// (issue #13: code-server's postinstall read the outer npm's user agent and
// refused). Both twins — scripts/lib/clean-env.sh and .ts — are held to the
// same answers, and the shell one is proved through a real `npm run`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv, isNpmPathEntry, isNpmVariable } from '../../scripts/lib/clean-env';

const ROOT = resolve(__dirname, '..', '..');
const SH = join(ROOT, 'scripts', 'lib', 'clean-env.sh');

/** Runs clean_npm_env in bash with exactly `env`, returns the environment it leaves. */
function shellClean(env: Record<string, string>): Record<string, string> {
  const r = spawnSync('/bin/bash', ['-c', `source '${SH}'; clean_npm_env; env -0`], { env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out: Record<string, string> = {};
  for (const pair of r.stdout.split('\0')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  // bash's own additions, not part of the contract
  for (const k of ['_', 'SHLVL', 'PWD', 'OLDPWD']) delete out[k];
  return out;
}

const OUTER: Record<string, string> = {
  HOME: '/home/manager',
  LANG: 'C.UTF-8',
  PATH: '/work/app/node_modules/.bin:/work/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/local/bin:/usr/bin:/bin',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_global_prefix: '/usr',
  npm_config_local_prefix: '/work/app',
  npm_config_loglevel: 'silent',
  npm_config_registry: 'https://registry.example/',
  npm_config_https_proxy: 'http://proxy.example:3128',
  npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
  npm_config_cache: '/home/manager/.npm',
  npm_config_userconfig: '/home/manager/.npmrc',
  npm_package_json: '/work/app/package.json',
  npm_package_name: 'cadence',
  npm_lifecycle_event: 'test',
  npm_lifecycle_script: 'bash scripts/test.sh',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  npm_command: 'run-script',
  INIT_CWD: '/work/app',
  NODE: '/usr/bin/node',
  COLOR: '0',
  CADENCE_TEST_CACHE: '/tmp/cache',
  CADENCE_TODAY: '2026-11-30',
};

const EXPECTED: Record<string, string> = {
  HOME: '/home/manager',
  LANG: 'C.UTF-8',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  npm_config_registry: 'https://registry.example/',
  npm_config_https_proxy: 'http://proxy.example:3128',
  npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
  npm_config_cache: '/home/manager/.npm',
  npm_config_userconfig: '/home/manager/.npmrc',
  CADENCE_TEST_CACHE: '/tmp/cache',
  CADENCE_TODAY: '2026-11-30',
};

describe('clean-env: a nested npm or node never inherits the outer npm (#13)', () => {
  it('the Node twin drops every npm_* setting but the registry ones, INIT_CWD, NODE, COLOR and npm PATH entries', () => {
    assert.deepEqual(cleanEnv(OUTER), EXPECTED);
  });

  it('the shell twin leaves exactly the same environment', () => {
    assert.deepEqual(shellClean(OUTER), EXPECTED);
  });

  it('each kind of variable, one by one', () => {
    for (const name of ['npm_config_user_agent', 'npm_config_nodedir', 'npm_config_foo_bar', 'npm_package_version', 'npm_lifecycle_event', 'npm_execpath', 'npm_node_execpath', 'npm_command', 'INIT_CWD', 'NODE', 'COLOR']) {
      assert.equal(isNpmVariable(name), true, name);
    }
    for (const name of ['npm_config_registry', 'npm_config_@acme:registry', 'npm_config_proxy', 'npm_config_noproxy', 'npm_config_strict_ssl', 'PATH', 'NODE_OPTIONS', 'NODE_ENV', 'HOME', 'CADENCE_TEST_CACHE']) {
      assert.equal(isNpmVariable(name), false, name);
    }
    assert.equal(isNpmPathEntry('/a/node_modules/.bin'), true);
    assert.equal(isNpmPathEntry('/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin'), true);
    assert.equal(isNpmPathEntry('/usr/local/bin'), false);
    assert.equal(isNpmPathEntry('/opt/node_modules/.binaries'), false);
  });

  it('outside npm it changes nothing', () => {
    const plain = { HOME: '/h', PATH: '/usr/bin:/bin', LANG: 'C' };
    assert.deepEqual(cleanEnv(plain), plain);
    assert.deepEqual(shellClean(plain), plain);
  });

  it('through a real `npm run`: the script sees npm settings, and none survive clean_npm_env', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'cadence-clean-env-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({
        private: true,
        scripts: {
          raw: 'env',
          clean: `bash -c "source '${SH}'; clean_npm_env; env"`,
        },
      }));
      const run = (script: string): string => {
        const r = spawnSync('npm', ['run', '--silent', script], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const raw = run('raw');
      // The test means something only if npm really exports these.
      assert.match(raw, /^npm_config_user_agent=.*node\/v/m);
      assert.match(raw, /^npm_lifecycle_event=raw$/m);
      assert.match(raw, /^PATH=.*node_modules\/\.bin/m);
      const clean = run('clean');
      const names = clean.split('\n').map((l) => l.slice(0, l.indexOf('='))).filter(Boolean);
      assert.deepEqual(names.filter(isNpmVariable), []);
      const path = clean.split('\n').find((l) => l.startsWith('PATH='))!.slice(5);
      assert.deepEqual(path.split(':').filter(isNpmPathEntry), []);
      assert.ok(path.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
