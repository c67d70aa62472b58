// Electron main process: lifecycle, the one secure window, IPC registration and the menu.
// The services themselves are plain Node (electron/services/), shared with the browser host.
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, webContents } from 'electron';
import type { UiLanguage } from '../shared/contract/channels.ts';
import { buildAppMenu } from './appMenu.ts';
import { findAppRoot, rendererDirOf, samplePathsOf } from './appPaths.ts';
import { hardenDefaultSession, registerAppSchemeAsPrivileged, serveRendererOverAppScheme } from './appProtocol.ts';
import { createAppServices, createHandlers, type AppServices } from './appServices.ts';
import { maxFileMbFromArgv, recordPathsFromArgv } from './commandLine.ts';
import { pushTo, registerIpcHandlers } from './ipc.ts';
import { createMainWindow, lockDownContents } from './mainWindow.ts';
import { menuLabels } from './menuLabels.ts';

const APP_TITLE = 'Abstract MT Review';

// `--user-data=DIR` or $REVIEW_USER_DATA (tests, several profiles side by side), as for the
// browser host; must be applied before `ready`.
const userDataSwitch = process.argv.find((arg) => arg.startsWith('--user-data='))?.slice('--user-data='.length) ?? process.env.REVIEW_USER_DATA;
if (userDataSwitch) app.setPath('userData', resolve(userDataSwitch));

registerAppSchemeAsPrivileged();

let window: BrowserWindow | null = null;
let services: AppServices | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands its paths to the running instance (see 'second-instance') and exits.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = recordPathsFromArgv(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory });
    if (paths.length > 0) void openAndAnnounce(paths);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox(APP_TITLE, `Could not start: ${(error as Error).message}`);
    app.exit(1);
  });
}

function start(): void {
  const appRoot = findAppRoot(__dirname);
  try {
    const maxFileMb = maxFileMbFromArgv(process.argv);
    services = createAppServices({ userDataDir: app.getPath('userData'), samplePaths: samplePathsOf(appRoot), ...(maxFileMb !== undefined ? { maxFileMb } : {}) });
  } catch (error) {
    // Most likely a database from a newer build: say so instead of failing silently.
    dialog.showErrorBox(APP_TITLE, (error as Error).message);
    app.exit(1);
    return;
  }
  const { library, settings } = services;
  hardenDefaultSession();
  serveRendererOverAppScheme(rendererDirOf(appRoot), services.activity);
  registerIpcHandlers(createHandlers(services), services.activity);

  library.onProgress((progress) => pushTo(window?.webContents, 'library:progress', progress));
  settings.onChange((changed) => {
    refreshMenu();
    pushTo(window?.webContents, 'menu:command', { type: 'set-language', language: changed.uiLanguage });
  });

  window = createMainWindow(join(__dirname, 'preload.cjs'), APP_TITLE);
  window.on('closed', () => {
    window = null;
  });
  refreshMenu();

  const given = recordPathsFromArgv(process.argv, { defaultApp: process.defaultApp === true, cwd: process.cwd() });
  void openAndAnnounce(given.length > 0 ? given : services.samplePaths, given.length > 0);
}

/** Opens paths in the library, then tells the renderer to refresh its list and the menu its recent items. */
async function openAndAnnounce(paths: string[], remember = true): Promise<void> {
  if (!services) return;
  await services.library.openPaths(paths, undefined, { remember });
  refreshMenu();
  pushTo(window?.webContents, 'menu:command', { type: 'library-changed' });
}

function refreshMenu(): void {
  if (!services) return;
  const { settings } = services;
  const language = settings.get().uiLanguage;
  const t = menuLabels(language);
  Menu.setApplicationMenu(
    buildAppMenu(
      { language, recent: settings.recent(), development: !app.isPackaged, isMac: process.platform === 'darwin' },
      {
        openFile: () => void pickAndOpen('file'),
        openFolder: () => void pickAndOpen('folder'),
        openRecent: (path) => void openAndAnnounce([path]),
        clearRecent: () => {
          settings.clearRecent();
          refreshMenu();
        },
        exportReview: () => pushTo(focusedContents(), 'menu:command', { type: 'export' }),
        setLanguage: (next: UiLanguage) => settings.set({ uiLanguage: next }),
        showShortcuts: () => pushTo(focusedContents(), 'menu:command', { type: 'show-help' }),
        showAbout: () => {
          const options = { type: 'info' as const, title: t.about, message: `${APP_TITLE} ${app.getVersion()}`, detail: t.aboutDetail };
          void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
        },
      },
    ),
  );
}

async function pickAndOpen(kind: 'file' | 'folder'): Promise<void> {
  if (!window || !services) return;
  const t = menuLabels(services.settings.get().uiLanguage);
  const result = await dialog.showOpenDialog(window, {
    title: kind === 'file' ? t.openFileDialog : t.openFolderDialog,
    properties: kind === 'file' ? ['openFile', 'multiSelections'] : ['openDirectory', 'multiSelections'],
    filters:
      kind === 'file'
        ? [
            { name: t.recordFiles, extensions: ['jsonl', 'ndjson', 'json', 'txt', 'tsv', 'csv', 'tmx', 'xlf', 'xliff', 'sgm', 'xml'] },
            { name: t.allFiles, extensions: ['*'] },
          ]
        : [],
  });
  if (!result.canceled && result.filePaths.length > 0) await openAndAnnounce(result.filePaths);
}

function focusedContents(): Electron.WebContents | undefined {
  return BrowserWindow.getFocusedWindow()?.webContents ?? window?.webContents ?? webContents.getAllWebContents()[0];
}
