// The import graph of a TypeScript source tree, read with the TypeScript
// compiler's parser (no type checking): which file imports which at run time,
// and which only for types. test/unit/architecture.test.ts uses it to keep
// src/ free of import cycles and src/core free of 'vscode' and 'node:*'.
//
// An import counts as type-only when it is erased from the built bundle:
// `import type …`, `export type … from`, or named imports/exports that are
// all marked `type`. Everything else counts, side-effect imports
// (`import './x'`), re-exports and dynamic `import('./x')` included.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** The importing file, '/'-relative to the root. */
  readonly from: string;
  /** The module specifier as written. */
  readonly specifier: string;
  /** The file it resolves to ('/'-relative to the root), or undefined for a package or a path outside the tree. */
  readonly to: string | undefined;
  /** Erased from the bundle: no run-time dependency. */
  readonly typeOnly: boolean;
}

/** Every .ts file under root (not .d.ts), '/'-relative, sorted. */
export function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The imports of one file's text; `resolveTo` maps a relative specifier to a file (or undefined). */
export function importsOf(file: string, text: string, resolveTo: (specifier: string) => string | undefined): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => edges.push({ from: file, specifier, to: resolveTo(specifier), typeOnly });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      let typeOnly = false;
      if (clause?.isTypeOnly) typeOnly = true;
      else if (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        const names = clause.namedBindings.elements;
        typeOnly = names.length > 0 && names.every((e) => e.isTypeOnly);
      }
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node.moduleReference.expression.text, node.isTypeOnly);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import of every source file under root. Relative specifiers resolve as the bundler does: x.ts, then x/index.ts. */
export function importGraph(root: string): ImportEdge[] {
  const base = resolve(root);
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(base)) {
    const dir = dirname(join(base, file));
    const resolveTo = (specifier: string): string | undefined => {
      if (!specifier.startsWith('.')) return undefined;
      const target = resolve(dir, specifier);
      for (const candidate of [`${target}.ts`, join(target, 'index.ts'), target]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          const rel = relative(base, candidate).split('\\').join('/');
          return rel.startsWith('..') ? undefined : rel;
        }
      }
      return undefined;
    };
    edges.push(...importsOf(file, readFileSync(join(base, file), 'utf8'), resolveTo));
  }
  return edges;
}

/**
 * The import cycles among run-time edges: each strongly connected group of
 * two or more files (or a file importing itself), as one cycle through it
 * (first file repeated at the end), sorted. Tarjan's algorithm.
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.typeOnly || e.to === undefined) continue;
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from)!.push(e.to);
  }
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flat()])].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (next.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  return groups.map((g) => cycleThrough(g, next)).sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest way round a strongly connected group, from its first file back to it. */
function cycleThrough(group: string[], next: Map<string, string[]>): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of next.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
