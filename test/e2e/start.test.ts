// `npm start` as a newcomer runs it (issue #13): no desktop `code` on PATH,
// started through npm (so the outer npm's settings are in its environment),
// from the repository's root. The test waits for the URL it prints, opens
// that URL in the browser, sees Cadence active on the sample team (its view
// container lists the sample's people), then presses Ctrl-C — SIGINT to the
// process group, as a terminal does — and checks that nothing is left: the
// port is closed and no process runs from the start's temp folder.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cleanEnv } from '../../scripts/lib/clean-env';
import { launchBrowser, makeRunDir, readTestEnv, runCleanups, type RunDir } from '../../scripts/lib/code-server';
import { poll, settle, shot, showRows, treeRows, viewPane } from './workbench';

const repo = resolve(__dirname, '..', '..');
const screenshots = join(repo, 'test-results', 'screenshots');

/** PATH without any folder that holds an executable `code` (the desktop VS Code's launcher). */
function pathWithoutCode(path: string): string {
  return path
    .split(delimiter)
    .filter((dir) => {
      try {
        accessSync(join(dir, 'code'), constants.X_OK);
        return false;
      } catch {
        return true;
      }
    })
    .join(delimiter);
}

/** PIDs of live processes whose command line mentions `marker` (our own test process excepted). */
function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 300);
  } catch {
    return '(gone)';
  }
}

async function portAnswers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm start: the sample team in a real VS Code, as a newcomer starts it', function () {
  this.timeout(600_000);

  let child: ChildProcess | undefined;
  let exited: Promise<number | null> | undefined;
  let output = '';
  let startTmp: string;
  let run: RunDir;
  let browser: Browser;
  let page: Page;

  before(function () {
    mkdirSync(screenshots, { recursive: true });
    startTmp = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'cadence-npm-start-'));
  });

  after(async function () {
    this.timeout(60_000);
    await runCleanups();
    // A failed test must not leave the server behind either.
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const pid of processesMentioning(startTmp)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(startTmp, { recursive: true, force: true });
    run?.remove();
  });

  it('prints a 127.0.0.1 URL that opens the sample team with Cadence active, and Ctrl-C leaves nothing running', async function () {
    const env: NodeJS.ProcessEnv = { ...cleanEnv(), PATH: pathWithoutCode(process.env.PATH ?? ''), TMPDIR: startTmp, CADENCE_PORT: '' };
    delete env.CADENCE_USE_CODE_SERVER;
    // Through npm, as the README says, in its own process group (a terminal's job).
    child = spawn('npm', ['start'], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    exited = new Promise((done) => child!.once('exit', (code) => done(code)));
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    const deadline = Date.now() + 480_000; // a first start may install code-server
    let url: string | undefined;
    while (!url) {
      const m = /open\s+(http:\/\/127\.0\.0\.1:(\d+)\/\S*)/.exec(output);
      if (m) url = m[1];
      else if (child.exitCode !== null) assert.fail(`npm start exited (${child.exitCode}) before printing a URL:\n${output.slice(-3000)}`);
      else if (Date.now() > deadline) assert.fail(`npm start printed no URL within 8 minutes:\n${output.slice(-3000)}`);
      else await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(output, /no 'code' on PATH: using code-server/);
    assert.ok(url.includes(encodeURIComponent(join(repo, 'samples', 'team'))) || url.includes(join(repo, 'samples', 'team')), `the URL should open samples/team: ${url}`);
    const origin = new URL(url).origin;
    assert.ok(await portAnswers(origin), `${origin} does not answer`);

    const testEnv = readTestEnv();
    run = makeRunDir('cadence-start-browser');
    browser = await launchBrowser(testEnv, run);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });

    // Cadence is active: its view container lists the sample's people.
    const entry = page.locator('.part.activitybar .action-item a[aria-label*="Cadence"], .part.activitybar .action-label[aria-label*="Cadence"]').first();
    await entry.waitFor({ timeout: 60_000 });
    await entry.click();
    const reports = viewPane(page, 'Reports');
    const header = reports.locator('.pane-header');
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const people = ['Alex Kim', 'Dana Whitfield', 'Jordan Lee', 'Priya Raman', 'Sam Ortiz'];
    await poll(
      page,
      () => treeRows(reports),
      (rows) => people.every((p) => rows.some((r) => r.label === p)),
      60_000,
      (rows) => `the Reports view should list ${people.join(', ')}; it shows:\n${showRows(rows) || '(no rows)'}`,
    );
    await settle(page);
    await shot(page, screenshots, '00-npm-start');
    await browser.close();

    // Ctrl-C in the terminal: SIGINT to the whole foreground process group.
    process.kill(-child.pid!, 'SIGINT');
    const code = await Promise.race([exited!, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    assert.notEqual(code, 'timeout', `npm start did not stop within 30 s of Ctrl-C:\n${output.slice(-2000)}`);
    // The server's process group goes with it; give it a few seconds.
    let left = processesMentioning(startTmp);
    for (const until = Date.now() + 15_000; left.length > 0 && Date.now() < until; left = processesMentioning(startTmp)) {
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(left, [], `processes still running from npm start's folder after Ctrl-C:\n${left.map((p) => `${p}: ${cmdline(p)}`).join('\n')}`);
    assert.equal(await portAnswers(origin), false, `${origin} still answers after Ctrl-C`);
    const runFolders = readdirSync(startTmp).filter((d) => d.startsWith('cadence-start-'));
    assert.deepEqual(runFolders, [], 'npm start left its run folder behind after Ctrl-C');
    console.log(`      npm start served ${origin}, showed the sample team, and stopped cleanly on Ctrl-C`);
  });
});
