import { createHash } from 'node:crypto';
/**
 * The local system as `npm start` runs it: `local/main.ts` in its own process (through tsx), on a
 * data directory, on a free port, serving the built functions (`npm run build:functions` first;
 * `npm test` builds them) and a stub H5 page. Tests talk to it over HTTP like the H5 app does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoPeople } from '../../local/seed';
import { deployedFunctionOf } from '@shared/areas';
import type { FunctionName } from '@shared/contracts/action';

const root = resolve(__dirname, '..', '..');

export interface RunningSystem {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait: the system stops cleanly. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies wherever it is. */
  kill(): Promise<void>;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

const stubH5 = (dataDir: string): string => {
  const dir = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'data'}-h5`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>h5 stub</title>');
  return dir;
};

/**
 * The local robot listens on a fixed port, so the address a property was seeded with still answers
 * after a restart; systems of different data directories (test files run in parallel) each get
 * their own, the same one every time that directory starts.
 */
const robotPortFor = (dataDir: string): number => 20_000 + (createHash('sha256').update(dataDir).digest().readUInt32BE(0) % 20_000);

const launch = (dataDir: string, env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', ROBOT_PORT: String(robotPortFor(dataDir)), H5_DIR: stubH5(dataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((done) => child.once('exit', (code) => done(code)));

/** Starts the system and resolves once it prints its URL; rejects with its output if it exits first. */
export const startSystem = (dataDir: string, env?: Record<string, string>): Promise<RunningSystem> =>
  new Promise((ready, fail) => {
    const child = launch(dataDir, env);
    let out = '';
    const collect = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /running locally: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        child.stdout?.off('data', collect);
        child.stdout?.resume();
        child.stderr?.resume();
        ready({
          url,
          child,
          stop: () => {
            child.kill('SIGTERM');
            return exited(child);
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited(child);
          },
        });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', (code) => fail(new Error(`the system exited (${String(code)}) before it was ready:\n${out}`)));
  });

/** Runs the system expecting it to refuse to start: its exit code and what it printed. */
export const startRefused = (dataDir: string): Promise<Exited> =>
  new Promise((done) => {
    const child = launch(dataDir);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('running locally')) child.kill('SIGKILL');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });

/** Local sign-in: the dev token the sign-in page hands a demo person (local/server.ts). */
export const tokenOf = (openid: string): string => Buffer.from(openid).toString('base64url');

export interface Reply {
  ok: boolean;
  code?: string;
  data?: Record<string, unknown> & { id?: string; items?: { id: string }[] };
}

/** The local server's path of an action named as the client names it (its area): the function the registry deploys it in. */
export const actionPath = (fn: string, action: string): string => `/api/fn/${deployedFunctionOf({ fn: fn as FunctionName, name: action })}`;

/** One action over HTTP, named as the client names it (its area and action); sent, as the client sends it, to the function the registry deploys it in. */
export const call = async (url: string, fn: string, action: string, input: unknown, openid: string): Promise<Reply> => {
  const res = await fetch(`${url}${actionPath(fn, action)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Dev ${tokenOf(openid)}` },
    body: JSON.stringify({ action, input }),
  });
  return (await res.json()) as Reply;
};

/** The demo residents with their first room, as the seed creates them. */
export const residents = demoPeople.filter((p) => p.role === 'resident').map((p) => ({ openid: p.openid, roomId: `demo:${p.rooms?.[0] ?? ''}` }));

/**
 * Issue 12 (4): each person files at most the property's daily number of repairs; runs that file
 * hundreds raise it, as the manager, to the most a property may set.
 */
export const raiseDailyLimits = async (url: string): Promise<void> => {
  const most = { repairs: 1000, complaints: 1000, bookings: 1000, bindingRequests: 1000 };
  const reply = await call(url, 'members', 'updateSettings', { propertyId: 'demo', commandId: `limits-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`, dailyLimits: most }, 'o-mgr-zhou');
  if (!reply.ok) throw new Error(`raising the daily limits: ${JSON.stringify(reply)}`);
};

export const repairInput = (commandId: string, roomId: string, description = '厨房水龙头一直滴水') => ({
  propertyId: 'demo',
  commandId,
  roomId,
  category: 'water',
  description,
  preferredTime: null,
  photos: [],
});

/**
 * A test file's system across restarts: a data directory of its own (made before its tests, removed
 * after them), and `run`, which starts the system on it, runs the steps and stops it cleanly
 * (exit code 0), whatever happens.
 */
export const restartable = (prefix: string) => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), `${prefix}-`)), 'data');
  });
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
  const runWith = async <T>(env: Record<string, string>, steps: (s: RunningSystem) => Promise<T>): Promise<T> => {
    const system = await startSystem(dataDir, env);
    try {
      return await steps(system);
    } finally {
      expect(await system.stop()).toBe(0);
    }
  };
  return {
    get dataDir() {
      return dataDir;
    },
    run: <T>(steps: (s: RunningSystem) => Promise<T>): Promise<T> => runWith({}, steps),
    /** `run` with more environment: a fault of local/faults.ts (`LOCAL_FAULT`), say. */
    runWith,
  };
};
