import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBundleOptions } from '../scripts/build.ts';
import { requestSchemas } from '../shared/contract/channels.ts';
import { CSP_HEADER } from '../shared/contract/csp.ts';

/**
 * The Electron binary cannot be downloaded on these machines, so this test runs the real main
 * bundle (built by esbuild exactly as scripts/build.ts does) against a recording stand-in for the
 * `electron` module, and checks what main asks Electron for: the window's security settings,
 * the scheme, the sender check, navigation and permission refusals, the bilingual menu.
 */

type Listener = (...args: unknown[]) => unknown;

function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return this;
    },
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    },
    emit(name: string, ...args: unknown[]) {
      return (listeners.get(name) ?? []).map((listener) => listener(...args));
    },
  };
}

function fakeContents() {
  return {
    ...emitter(),
    sent: [] as [string, unknown][],
    openHandler: null as null | ((details: { url: string }) => unknown),
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    },
    isDestroyed: () => false,
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.openHandler = handler;
    },
  };
}

const calls = {
  privileged: [] as unknown[],
  protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
  headersListener: null as null | Listener,
  permissionRequest: null as null | Listener,
  permissionCheck: null as null | Listener,
  ipc: new Map<string, Listener>(),
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string; webContents: ReturnType<typeof fakeContents> }[],
  menus: [] as unknown[],
  openExternal: [] as string[],
};

const appEvents = emitter();
let userData = '';
let ready: () => void = () => {};
const whenReady = new Promise<void>((resolve) => {
  ready = resolve;
});

class FakeBrowserWindow {
  readonly webContents = fakeContents();
  readonly events = emitter();
  options: { webPreferences: Record<string, unknown> };
  url = '';
  constructor(options: { webPreferences: Record<string, unknown> }) {
    this.options = options;
    calls.windows.push(this as never);
  }
  once(name: string, listener: Listener) {
    this.events.on(name, listener);
  }
  on(name: string, listener: Listener) {
    this.events.on(name, listener);
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  static getFocusedWindow() {
    return calls.windows[0] ?? null;
  }
}

const fakeElectron = {
  app: {
    ...appEvents,
    setPath: (_name: string, path: string) => {
      userData = path;
    },
    getPath: () => userData,
    requestSingleInstanceLock: () => true,
    whenReady: () => whenReady,
    quit: () => {},
    exit: () => {},
    isPackaged: false,
    getVersion: () => '0.1.0',
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => calls.privileged.push(schemes),
    handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
      calls.protocolHandler = handler;
    },
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (listener: Listener) => (calls.headersListener = listener) },
      setPermissionRequestHandler: (handler: Listener) => (calls.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (calls.permissionCheck = handler),
    },
  },
  ipcMain: {
    handle: (channel: string, listener: Listener) => calls.ipc.set(channel, listener),
    removeHandler: (channel: string) => calls.ipc.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => calls.menus.push(menu),
  },
  BrowserWindow: FakeBrowserWindow,
  dialog: { showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`); }, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({}) },
  shell: { openExternal: async (url: string) => calls.openExternal.push(url) },
  webContents: { getAllWebContents: () => [] },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'electron-test', 'main.cjs');
let folder: string;
const savedArgv = process.argv;
const appFrame = { url: 'app://renderer/index.html', parent: null };

function invoke(channel: string, payload: unknown, frame: unknown = appFrame): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const handler = calls.ipc.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ senderFrame: frame }, payload)) as never;
}

/** Polls until `check` holds, for up to 10 s (generous: CI machines run many test files at once). */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'electron-main-'));
  await build({ ...nodeBundleOptions, entryPoints: [join(root, 'electron', 'main.ts')], outfile: bundle, sourcemap: false, logLevel: 'error' });
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fakeElectron : originalLoad.call(this, request, ...rest);
  };
  process.argv = [process.execPath, bundle, `--user-data=${join(folder, 'user data')}`];
  (process as { defaultApp?: boolean }).defaultApp = true;
  try {
    createRequire(import.meta.url)(bundle);
  } finally {
    moduleWithLoad._load = originalLoad;
    process.argv = savedArgv;
  }
  ready();
  await until(() => calls.windows.length > 0);
  const contents = calls.windows[0]?.webContents;
  await until(() => (contents?.sent ?? []).some(([channel]) => channel === 'menu:command'));
});

afterAll(() => {
  appEvents.emit('will-quit');
  rmSync(folder, { recursive: true, force: true });
  rmSync(join(root, 'dist', 'electron-test'), { recursive: true, force: true });
});

describe('Electron main (bundled, against a stand-in electron module)', () => {
  it('registers app:// as a standard, secure scheme and uses the --user-data folder', () => {
    expect(calls.privileged).toEqual([[expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]]);
    expect(userData).toBe(join(folder, 'user data'));
  });

  it('opens one window: isolated, sandboxed, no Node, web security on, our preload, our origin', () => {
    expect(calls.windows).toHaveLength(1);
    const window = calls.windows[0];
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(window?.options.webPreferences.preload)).toMatch(/dist[\\/]electron-test[\\/]preload\.cjs$/);
    expect(window?.url).toBe('app://renderer/index.html');
  });

  it('registers every contract channel, answers our page and refuses other senders', async () => {
    expect([...calls.ipc.keys()].sort()).toEqual(Object.keys(requestSchemas).sort());
    const list = await invoke('library:list', {});
    expect(list.ok).toBe(true);
    expect((list.value as { records: unknown[] }).records.length + (list.value as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    expect(await invoke('library:list', {}, { url: 'https://evil.example/', parent: null })).toEqual({ ok: false, error: expect.stringMatching(/not the review app/) });
    expect(await invoke('library:list', {}, { url: 'app://renderer/index.html', parent: {} })).toEqual({ ok: false, error: expect.stringMatching(/top frame/) });
    expect(await invoke('library:list', {}, null)).toEqual({ ok: false, error: expect.stringMatching(/gone/) });
    expect(await invoke('library:getRecord', { id: 42 })).toEqual({ ok: false, error: expect.stringMatching(/Invalid request/) });
  });

  it('loads the bundled sample at start and tells the renderer', () => {
    expect(calls.windows[0]?.webContents.sent).toContainEqual(['menu:command', { type: 'library-changed' }]);
    expect(calls.windows[0]?.webContents.sent.some(([channel, p]) => channel === 'library:progress' && (p as { done: boolean }).done)).toBe(true);
  });

  it('denies navigation away from the app, new windows and webviews for every web contents', () => {
    const contents = fakeContents();
    appEvents.emit('web-contents-created', {}, contents);
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    contents.emit('will-navigate', event('external'), 'https://evil.example/');
    contents.emit('will-navigate', event('file'), 'file:///etc/passwd');
    contents.emit('will-navigate', event('app'), 'app://renderer/index.html');
    contents.emit('will-attach-webview', event('webview'));
    expect(prevented).toEqual(['external', 'file', 'webview']);
    expect(contents.openHandler?.({ url: 'https://doi.org/10.3233/NRE-230270' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(calls.openExternal).toEqual(['https://doi.org/10.3233/NRE-230270']);
  });

  it('refuses every permission and sets the CSP on app responses', () => {
    let granted: boolean | undefined;
    calls.permissionRequest?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(calls.permissionCheck?.({}, 'notifications')).toBe(false);
    let headers: unknown;
    calls.headersListener?.({ url: 'app://renderer/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } }, (response: { responseHeaders: unknown }) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [CSP_HEADER] });
  });

  it('serves the renderer over app:// with the CSP and refuses traversal', async () => {
    const outside = await calls.protocolHandler?.({ url: 'app://renderer/assets/..%2F..%2F..%2Fpackage.json' });
    expect(outside?.status).toBe(403);
    const missing = await calls.protocolHandler?.({ url: 'app://renderer/assets/no-such-file.js' });
    expect(missing?.status).toBe(404);
    expect(missing?.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(missing?.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('builds the menu in the saved language and rebuilds it in Chinese when the language changes', async () => {
    const labels = (menu: unknown) => ((menu as { template: { label?: string; role?: string }[] }).template).map((item) => item.label ?? item.role);
    expect(labels(calls.menus.at(-1))).toEqual(['&File', 'editMenu', '&View', '&Help']);
    const file = (calls.menus.at(-1) as { template: { submenu: { label?: string; accelerator?: string }[] }[] }).template[0]?.submenu ?? [];
    expect(file.filter((item) => item.accelerator).map((item) => [item.label, item.accelerator])).toEqual([
      ['Open File…', 'CmdOrCtrl+O'],
      ['Open Folder…', 'CmdOrCtrl+Shift+O'],
      ['&Export…', 'CmdOrCtrl+E'],
      ['&Quit', 'CmdOrCtrl+Q'],
    ]);
    expect(await invoke('settings:set', { uiLanguage: 'zh-CN' })).toMatchObject({ ok: true, value: { uiLanguage: 'zh-CN' } });
    expect(labels(calls.menus.at(-1))).toEqual(['文件(&F)', 'editMenu', '视图(&V)', '帮助(&H)']);
    expect(calls.windows[0]?.webContents.sent).toContainEqual(['menu:command', { type: 'set-language', language: 'zh-CN' }]);
  });
});
