// Stall bounds in the unit tests ("no input stalls a check", SPEC §10) are
// measured in this process's CPU time, not wall time: a superlinear blow-up
// shows the same in both, but on a busy machine (the tests share two cores
// with other suites) wall time mostly measures the neighbours.

/** This process's CPU time so far (user + system), in milliseconds. */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
