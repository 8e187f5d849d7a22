// The views' welcome text (package.json viewsWelcome): in every context that
// can happen, exactly one welcome applies to each view (which globs each
// names is test/unit/manifest.test.ts's), and the settings' defaults are the
// core's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { whenHolds as holds } from '../integration/when-clause';

interface Welcome {
  view: string;
  contents: string;
  when?: string;
}
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { viewsWelcome: Welcome[]; configuration: { properties: Record<string, { default?: unknown; enum?: string[] }> } };
};
const GLOBS = ['peopleGlobs', 'oneOnOneGlobs', 'okrGlobs', 'okrReviewGlobs'] as const;

describe('views welcome text (package.json) from the real settings', () => {
  const views = ['cadence.reports', 'cadence.objectives', 'cadence.actionItems'];
  const contexts: Record<string, boolean | number>[] = [];
  // Every context that can happen (no folder: nothing indexes, nothing is found).
  contexts.push({ workspaceFolderCount: 0, 'cadence.indexing': false, 'cadence.hasFiles': false, 'cadence.globsChanged': false });
  for (const indexing of [false, true]) for (const hasFiles of [false, true]) for (const changed of [false, true]) contexts.push({ workspaceFolderCount: 1, 'cadence.indexing': indexing, 'cadence.hasFiles': hasFiles, 'cadence.globsChanged': changed });

  it('in every context, exactly one welcome applies to each view', () => {
    for (const view of views) {
      for (const ctx of contexts) {
        const n = pkg.contributes.viewsWelcome.filter((w) => w.view === view && holds(w.when, ctx)).length;
        assert.equal(n, 1, `${view} in ${JSON.stringify(ctx)}: ${n} welcomes`);
      }
    }
  });

  it("package.json's setting defaults are the core's", () => {
    const props = pkg.contributes.configuration.properties;
    for (const k of GLOBS) assert.deepEqual(props[`cadence.${k}`].default, DEFAULT_SETTINGS[k], k);
    assert.deepEqual(props['cadence.reportsOrder'].enum, ['urgency', 'name']);
    assert.equal(props['cadence.reportsOrder'].default, 'urgency');
  });
});
