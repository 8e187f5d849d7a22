// The shape of src/, checked on every run: no import cycle (type-only imports
// aside: they are erased from the bundle), the core pure (nothing from
// 'vscode' or 'node:*', nothing from the shells), and no source file over
// 600 lines (split by job before that: README, Architecture).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importCycles, importGraph, importsOf, sourceFiles, type ImportEdge } from '../../scripts/lib/import-graph';

const SRC = resolve(__dirname, '..', '..', 'src');
const MAX_LINES = 600;

const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, specifier: to, to, typeOnly });

describe('architecture of src/', () => {
  const graph = importGraph(SRC);

  it('has no import cycle among run-time imports', () => {
    const cycles = importCycles(graph);
    assert.deepEqual(cycles.map((c) => c.join(' → ')), []);
  });

  it('the walk sees what it must: run-time and type-only imports, re-exports, resolved to files', () => {
    const find = (from: string, to: string) => graph.find((e) => e.from === from && e.to === to);
    assert.equal(find('extension/extension.ts', 'extension/workspace-index.ts')?.typeOnly, false);
    assert.equal(find('extension/feature.ts', 'extension/workspace-index.ts')?.typeOnly, true);
    assert.equal(find('extension/folder-index.ts', 'extension/persistent-index.ts')?.typeOnly, false);
    assert.equal(find('core/index.ts', 'core/dataset.ts')?.typeOnly, false, 'a re-export is a run-time import');
    assert.ok(graph.filter((e) => !e.typeOnly && e.to).length > 100, 'most imports resolve to files');
  });

  it('persistent-index.ts does not import back from the workspace index', () => {
    const back = graph.filter((e) => e.from === 'extension/persistent-index.ts' && /extension\/(workspace-index|folder-index|editor-sync)\.ts$/.test(e.to ?? ''));
    assert.deepEqual(back, []);
  });

  it('keeps the core pure: no vscode, no node:*, nothing from the shells', () => {
    const impure = graph.filter((e) => e.from.startsWith('core/') && (e.specifier === 'vscode' || e.specifier.startsWith('node:') || (e.to !== undefined && !e.to.startsWith('core/'))));
    assert.deepEqual(impure.map((e) => `${e.from} imports ${e.specifier}`), []);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(SRC)
      .map((f) => [f, readFileSync(join(SRC, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > MAX_LINES);
    assert.deepEqual(long.map(([f, n]) => `${f}: ${n} lines`), []);
  });

  describe('the import walk itself', () => {
    const resolveTo = (s: string) => (s.startsWith('.') ? s.replace(/^\.\//, '') + '.ts' : undefined);

    it('tells type-only imports from run-time ones', () => {
      const text = [
        "import type { A } from './a';",
        "import { type B, type C } from './b';",
        "import { type D, e } from './c';",
        "import f from './d';",
        "import './e';",
        "export type { G } from './f';",
        "export { h } from './g';",
        "export * from './h';",
        "const i = await import('./i');",
        "import * as vscode from 'vscode';",
      ].join('\n');
      const got = importsOf('x.ts', text, resolveTo).map((e) => `${e.specifier} ${e.typeOnly ? 'type' : 'run'} ${e.to ?? '-'}`);
      assert.deepEqual(got, ['./a type a.ts', './b type b.ts', './c run c.ts', './d run d.ts', './e run e.ts', './f type f.ts', './g run g.ts', './h run h.ts', './i run i.ts', 'vscode run -']);
    });

    it('finds every cycle, one path round each, and ignores type-only edges', () => {
      const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('d', 'e'), edge('e', 'd', true), edge('f', 'f'), edge('g', 'h'), edge('h', 'g', true)];
      assert.deepEqual(importCycles(edges), [
        ['a', 'b', 'c', 'a'],
        ['f', 'f'],
      ]);
    });
  });
});
