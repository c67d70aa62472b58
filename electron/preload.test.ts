import { rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodOfChannel, type ReviewApi } from '../shared/contract/channels.ts';

/**
 * The preload as Electron would load it (bundled CommonJS), against a stand-in `electron`:
 * each contract method must invoke its own channel, subscriptions must unsubscribe, and only
 * `api` may reach the page.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'preload-test', 'preload.cjs');
const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const droppedFile = { name: 'records.jsonl' };

const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      invoked.push([channel, request]);
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
  webUtils: {
    getPathForFile: (file: unknown) => {
      if (file === droppedFile) return '/home/me/records.jsonl';
      if (typeof file === 'object' && file !== null && 'name' in file) return '';
      throw new TypeError('not a File');
    },
  },
};

let api: ReviewApi;

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'electron', 'preload.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['electron'], logLevel: 'error' });
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : originalLoad.call(this, request, ...rest);
  };
  try {
    createRequire(import.meta.url)(bundle);
  } finally {
    moduleWithLoad._load = originalLoad;
  }
  api = exposed.get('api') as ReviewApi;
});
afterAll(() => rmSync(join(root, 'dist', 'preload-test'), { recursive: true, force: true }));

describe('preload', () => {
  it('exposes only `api`, for the electron host', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    expect(api.host).toBe('electron');
    expect(Object.values(api as object).some((value) => value === fakeElectron.ipcRenderer)).toBe(false);
  });

  it.each(Object.entries(methodOfChannel))('channel %s is invoked by api.%s with the request unchanged', async (channel, method) => {
    const request = { probe: channel };
    const call = (api as unknown as Record<string, (r: unknown) => Promise<unknown>>)[method];
    expect(call, `api.${method}`).toBeTypeOf('function');
    invoked.length = 0;
    expect(await call?.(request)).toEqual({ ok: true, value: channel });
    expect(invoked).toEqual([[channel, request]]);
  });

  it('delivers pushes to subscribers until they unsubscribe', () => {
    const progress: unknown[] = [];
    const commands: unknown[] = [];
    const stopProgress = api.onLoadProgress((p) => progress.push(p));
    const stopCommands = api.onMenuCommand((c) => commands.push(c));
    for (const listener of listeners.get('library:progress') ?? []) listener({}, { file: 'a', done: true });
    for (const listener of listeners.get('menu:command') ?? []) listener({}, { type: 'export' });
    stopProgress();
    stopCommands();
    expect(listeners.get('library:progress')?.size).toBe(0);
    expect(listeners.get('menu:command')?.size).toBe(0);
    expect(progress).toEqual([{ file: 'a', done: true }]);
    expect(commands).toEqual([{ type: 'export' }]);
  });

  it('gives a dropped file’s path, and null when there is none', () => {
    expect(api.pathForFile(droppedFile)).toBe('/home/me/records.jsonl');
    expect(api.pathForFile({ name: 'pasted.txt' })).toBeNull();
    expect(api.pathForFile({})).toBeNull();
  });
});
