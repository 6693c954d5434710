import { execFileSync } from 'node:child_process';

/** Milliseconds to require a module in a fresh Node process: what a cold start pays before the handler runs. */
export const coldRequireMs = (modulePath: string, runs = 5): number => {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const samples = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
};
