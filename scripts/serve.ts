// `npm start` without a desktop VS Code: serves the sample team in a
// throw-away code-server on 127.0.0.1 with the packaged Cadence installed the
// way a user installs it, prints the URL, and stays in the foreground until
// Ctrl-C, which stops the server. scripts/start.sh builds and packages first.
//
//   CADENCE_PORT=8080   a fixed port instead of a free one
//   CADENCE_TODAY=…     pin "today" (the sample was written for 2026-11-22)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HarnessError, addCleanup, installVsix, makeRunDir, readTestEnv, runCleanups, startServer, workbenchUrl } from './lib/code-server';

const repo = resolve(__dirname, '..');

async function main(): Promise<void> {
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  const vsix = join(repo, `cadence-${version}.vsix`);
  if (!existsSync(vsix)) throw new HarnessError(`no ${vsix}: run "npm run package" first`);
  const folder = resolve(process.argv[2] ?? join(repo, 'samples', 'team'));
  if (!existsSync(folder)) throw new HarnessError(`no folder ${folder}`);
  const port = process.env.CADENCE_PORT ? Number(process.env.CADENCE_PORT) : undefined;
  if (port !== undefined && !(port > 0 && port < 65536)) throw new HarnessError(`CADENCE_PORT must be a port number, not "${process.env.CADENCE_PORT}"`);

  const env = readTestEnv();
  const run = makeRunDir('cadence-start');
  // Registered first, so it runs last: after the server has stopped.
  addCleanup(() => run.remove());
  installVsix(env, run, vsix);
  const extraEnv: Record<string, string> = {};
  if (process.env.CADENCE_TODAY) extraEnv.CADENCE_TODAY = process.env.CADENCE_TODAY;
  const server = await startServer(env, run, { port, extraEnv });

  console.log(`\nCadence ${version} is running in VS Code (code-server ${env.codeServerVersion}) with ${folder}`);
  console.log(`\n  open  ${workbenchUrl(server, folder)}\n`);
  console.log('Edits you make there change the files in that folder. Press Ctrl-C to stop the server.');
  // Stay up until a signal; the library's handlers stop the server and exit.
  await new Promise<never>(() => {
    setInterval(() => undefined, 1 << 30);
  });
}

main().catch(async (err: unknown) => {
  await runCleanups();
  console.error(err instanceof HarnessError ? `start: ${err.message}` : err);
  process.exit(1);
});
