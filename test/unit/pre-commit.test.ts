// Add the Pre-commit Hook: what it writes, and that it never rewrites a
// config it adds to; the walkthrough's page and the README show the same hook.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { planPreCommit, PRE_COMMIT_REPO } from '../../src/core/actions/pre-commit';
import { applyToFileText } from '../../src/core/fix-all';

const ROOT = join(__dirname, '..', '..');
const HOOK = { id: 'cadence', name: 'cadence check', entry: 'npx --no-install cadence check --rule action-overdue=off', language: 'system', pass_filenames: false, files: '\\.(md|ya?ml)$' };

function inserted(text: string): string {
  const plan = planPreCommit(text);
  assert.equal(plan.kind, 'insert', JSON.stringify(plan));
  return applyToFileText(text, [(plan as { edit: Parameters<typeof applyToFileText>[1][number] }).edit]);
}

describe('planPreCommit', () => {
  it('no config (or an empty one): creates it with the hook', () => {
    for (const t of [undefined, '', '  \n']) {
      const plan = planPreCommit(t);
      assert.equal(plan.kind, 'create');
      assert.deepEqual(parse((plan as { text: string }).text), { repos: [{ repo: 'local', hooks: [HOOK] }] });
    }
  });

  it('a config that runs cadence check already: nothing to do', () => {
    assert.equal(planPreCommit(`repos:\n${PRE_COMMIT_REPO}\n`).kind, 'present');
  });

  it('adds the hook as the last repo, keeping every byte before and after it (two-space and flush-left lists)', () => {
    const twoSpace = '# my hooks\nrepos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    rev: v4.6.0\n    hooks:\n      - id: trailing-whitespace   # keep\n\n# the end\n';
    const out = inserted(twoSpace);
    assert.ok(out.startsWith(twoSpace.slice(0, twoSpace.indexOf('\n\n# the end'))), 'the text before is untouched');
    assert.ok(out.endsWith('\n\n# the end\n'), 'the comment after stays after');
    const repos = (parse(out) as { repos: { repo: string; hooks: unknown[] }[] }).repos;
    assert.equal(repos.length, 2);
    assert.deepEqual(repos[1], { repo: 'local', hooks: [HOOK] });

    const flush = 'default_stages: [pre-commit]\nrepos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n    language: system\nfail_fast: true\n';
    const out2 = parse(inserted(flush)) as { repos: unknown[]; fail_fast: boolean; default_stages: string[] };
    assert.equal(out2.repos.length, 2);
    assert.deepEqual(out2.repos[1], { repo: 'local', hooks: [HOOK] });
    assert.equal(out2.fail_fast, true, 'the key after the list is still a top-level key');
  });

  it('leaves what it cannot edit safely to the person: not YAML, a flow list, no repos', () => {
    assert.equal(planPreCommit('repos: [\n').kind, 'manual');
    assert.equal(planPreCommit('repos: []\n').kind, 'manual');
    assert.equal(planPreCommit('minimum_pre_commit_version: 3.0.0\n').kind, 'manual');
  });

  it('the walkthrough page and the README show the very hook it writes', () => {
    for (const f of ['media/walkthrough/pre-commit.md', 'README.md']) {
      assert.ok(readFileSync(join(ROOT, f), 'utf8').includes(PRE_COMMIT_REPO), `${f} shows another hook`);
    }
  });
});
