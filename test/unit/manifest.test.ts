// The manifest as VS Code's conventions and the marketplaces want it: every
// setting scoped to a folder (the CLI reads them per folder too) with an order
// and its enum values described; no placeholder repository, bugs or homepage
// (there is no public home yet: they are absent, and vsce is told so); and a
// package whose README links and images are absolute when a base URL is given
// at package time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ROOT } from './built-cli';
import { localizedManifest } from './manifest-text';
import { tempDir } from './temp-dirs';

interface Setting {
  scope?: string;
  order?: number;
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownDescription?: string;
  description?: string;
  properties?: Record<string, Setting>;
  additionalProperties?: Setting;
}

// As VS Code reads it: the words from package.nls.json.
const manifest = localizedManifest() as {
  version: string;
  repository?: unknown;
  bugs?: unknown;
  homepage?: unknown;
  vsce?: Record<string, unknown>;
  contributes: {
    configuration: { properties: Record<string, Setting> };
    commands: { command: string }[];
    walkthroughs: { id: string; steps: { id: string; description: string; media: { image?: string; markdown?: string; altText?: string }; completionEvents: string[] }[] }[];
    viewsWelcome: { view: string; contents: string; when: string }[];
  };
};

/** VS Code's own commands the walkthrough and the welcome views link to. */
const BUILT_IN = new Set(['workbench.action.openWalkthrough', 'workbench.action.openSettings', 'workbench.action.files.openFolder', 'workbench.action.tasks.runTask']);

/** Every `command:` link of a text, with its arguments decoded. */
function commandLinks(text: string): { id: string; args: unknown }[] {
  return [...text.matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => ({ id: m[1], args: m[2] ? JSON.parse(decodeURIComponent(m[2])) : undefined }));
}

/** Every enum in a setting's schema, with where it is. */
function enums(name: string, s: Setting): [string, Setting][] {
  const out: [string, Setting][] = s.enum ? [[name, s]] : [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...enums(`${name}.${k}`, v));
  if (s.additionalProperties) out.push(...enums(`${name}.*`, s.additionalProperties));
  return out;
}

describe('package.json', () => {
  const settings = Object.entries(manifest.contributes.configuration.properties);

  it('scopes every setting to the folder (resource): globs and rules are per workspace folder, as cadence check reads them; the assistant\'s private-text consent is the user\'s alone (application)', () => {
    assert.ok(settings.length >= 8);
    // A workspace's .vscode/settings.json (a cloned notes repo) must not be able to send private notes to a chat model.
    for (const [name, s] of settings) assert.equal(s.scope, name === 'cadence.assistant.privateText' ? 'application' : 'resource', name);
    for (const g of ['peopleGlobs', 'oneOnOneGlobs', 'okrGlobs', 'okrReviewGlobs']) assert.ok(manifest.contributes.configuration.properties[`cadence.${g}`], g);
  });

  it('orders every setting, the ones a manager changes first', () => {
    const orders = settings.map(([name, s]) => {
      assert.equal(typeof s.order, 'number', `${name} has no order`);
      return s.order!;
    });
    assert.equal(new Set(orders).size, orders.length, 'two settings share an order');
    const first = settings.reduce((a, b) => (a[1].order! < b[1].order! ? a : b))[0];
    assert.equal(first, 'cadence.rules');
  });

  it('describes every enum value', () => {
    let n = 0;
    for (const [name, s] of settings) {
      for (const [where, e] of enums(name, s)) {
        assert.ok(Array.isArray(e.enumDescriptions), `${where} has no enumDescriptions`);
        assert.equal(e.enumDescriptions!.length, e.enum!.length, `${where}: one description per value`);
        for (const d of e.enumDescriptions!) assert.ok(d.trim().length > 5, `${where}: "${d}"`);
        n++;
      }
    }
    assert.ok(n >= 20, `enums checked: ${n}`);
  });

  it('has no placeholder repository, bugs or homepage: they are absent, and vsce is told to package without them', () => {
    assert.equal(manifest.repository, undefined);
    assert.equal(manifest.bugs, undefined);
    assert.equal(manifest.homepage, undefined);
    assert.doesNotMatch(readFileSync(join(ROOT, 'package.json'), 'utf8'), /example\.(invalid|com|org)|your-?(name|org)|TODO/i);
    assert.equal(manifest.vsce?.allowMissingRepository, true);
  });
});

describe('the walkthrough and the empty views', () => {
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');

  it('walks through the four steps, each with media in the package and a completion event', () => {
    const [w] = manifest.contributes.walkthroughs;
    assert.equal(w.id, 'cadence.gettingStarted');
    assert.deepEqual(w.steps.map((s) => s.id), ['team', 'oneOnOne', 'dashboard', 'preCommit']);
    for (const step of w.steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media && existsSync(join(ROOT, media)), `${step.id}: media ${media}`);
      assert.ok(ignore.includes(`!${media.split('/')[0]}/`) || ignore.includes(`!${media.replace(/[^/]+$/, '')}**`), `${step.id}: ${media} is left out of the .vsix`);
      if (step.media.image) assert.ok((step.media.altText ?? '').length > 20, `${step.id}: an image needs alt text`);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const e of step.completionEvents) {
        const cmd = /^onCommand:(.+)$/.exec(e)?.[1];
        if (cmd) assert.ok(contributed.has(cmd) || BUILT_IN.has(cmd), `${step.id}: completes on an unknown command ${cmd}`);
      }
      assert.ok(commandLinks(step.description).length > 0, `${step.id}: a button to do the step`);
    }
  });

  it('links only to commands that exist, with arguments that parse; the walkthrough link names this walkthrough', () => {
    const texts = [...manifest.contributes.walkthroughs[0].steps.map((s) => s.description), ...manifest.contributes.viewsWelcome.map((v) => v.contents)];
    for (const t of texts) {
      for (const { id, args } of commandLinks(t)) {
        assert.ok(contributed.has(id) || BUILT_IN.has(id), `unknown command ${id}`);
        if (id === 'workbench.action.openWalkthrough') assert.deepEqual(args, ['cadence-team.cadence#cadence.gettingStarted', false]);
        if (id === 'workbench.action.tasks.runTask') assert.deepEqual(args, ['cadence: check']);
      }
    }
  });

  it('every view has a welcome for every empty state; with default globs it names the defaults the core uses, else it points at the settings', () => {
    const of = (view: string) => manifest.contributes.viewsWelcome.filter((v) => v.view === view);
    const defaults = (keys: (keyof typeof DEFAULT_SETTINGS)[]) => keys.flatMap((k) => DEFAULT_SETTINGS[k] as string[]);
    const expect: [string, (keyof typeof DEFAULT_SETTINGS)[]][] = [
      ['cadence.reports', ['peopleGlobs', 'oneOnOneGlobs']],
      ['cadence.objectives', ['okrGlobs']],
      ['cadence.actionItems', ['oneOnOneGlobs', 'okrReviewGlobs']],
    ];
    for (const [view, keys] of expect) {
      const w = of(view);
      assert.ok(w.some((x) => x.when === 'cadence.indexing'), `${view}: while indexing`);
      const plain = w.filter((x) => x.when.includes('!cadence.globsChanged'));
      const custom = w.filter((x) => /(^|&& )cadence\.globsChanged/.test(x.when));
      assert.equal(plain.length, 1, `${view}: one welcome for the default globs`);
      assert.equal(custom.length, 1, `${view}: one welcome for changed globs`);
      for (const g of defaults(keys)) assert.ok(plain[0].contents.includes(g), `${view} does not name ${g}`);
      for (const k of keys) assert.ok(custom[0].contents.includes(`cadence.${k}`), `${view} does not name cadence.${k}`);
      assert.ok(commandLinks(custom[0].contents).some((l) => l.id === 'workbench.action.openSettings'), `${view}: a link to the settings`);
    }
  });
});

describe('npm run package', function () {
  this.timeout(180_000);
  const out = join(tempDir('cadence-vsix-'), 'cadence.vsix');
  const base = 'https://cadence.test/files/v0.1.0/';
  let readme = '';

  // vsce's own zip reader (entry names lower-cased, as vsce writes the README's).
  const { readZip } = require('@vscode/vsce/out/zip') as { readZip(path: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>> };
  const entries: string[] = [];
  let files = new Map<string, Buffer>();
  const unzip = (entry: string): string => {
    const b = files.get(entry.toLowerCase());
    assert.ok(b, `no ${entry} in the package`);
    return b.toString('utf8');
  };

  before(async function () {
    if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
      const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
    // No standard input: a vsce question (a missing repository) would abort the run.
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CADENCE_README_BASE_URL: base.slice(0, -1) },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    files = await readZip(out, (name) => {
      entries.push(name);
      return name === 'extension/readme.md' || name === 'extension/package.json';
    });
    readme = unzip('extension/readme.md');
  });

  it('with CADENCE_README_BASE_URL: every image and relative link of the packaged README is absolute under it, and names a file that exists', () => {
    const tokens = new MarkdownIt({ html: true }).parse(readme, {});
    const images: string[] = [];
    const links: string[] = [];
    const walk = (ts: ReturnType<InstanceType<typeof MarkdownIt>['parse']>) => {
      for (const t of ts) {
        if (t.type === 'image') images.push(String(t.attrGet('src') ?? ''));
        if (t.type === 'link_open') links.push(String(t.attrGet('href') ?? ''));
        if (t.type === 'html_inline' || t.type === 'html_block') for (const m of t.content.matchAll(/<img[^>]+src=["']([^"']+)/g)) images.push(m[1]);
        if (t.children) walk(t.children);
      }
    };
    walk(tokens);
    assert.ok(images.length >= 2, `images: ${images.join(' ')}`);
    for (const src of images) {
      assert.ok(src.startsWith(base), `image not under the base URL: ${src}`);
      assert.ok(existsSync(join(ROOT, src.slice(base.length))), `no file for ${src}`);
    }
    for (const href of links) assert.match(href, /^(https?:|mailto:|#)/, `relative link left: ${href}`);
  });

  it('the packaged manifest has no repository, bugs or homepage', () => {
    const m = JSON.parse(unzip('extension/package.json')) as Record<string, unknown>;
    for (const k of ['repository', 'bugs', 'homepage']) assert.equal(m[k], undefined, k);
  });

  it('carries the README images, for a package installed by hand with relative links', () => {
    for (const m of readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\((docs\/images\/[^)]+)\)/g)) {
      assert.ok(entries.includes(`extension/${m[1]}`.toLowerCase()), `${m[1]} is not in the package`);
    }
  });

  it('refuses a base URL that is not https', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', join(tmpdir(), 'never.vsix')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CADENCE_README_BASE_URL: 'http://cadence.test/' },
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /must be an https:\/\/ URL/);
  });
});
