import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../shared/contract/channels.ts';
import { languageNames, menuLabels } from './menuLabels.ts';

/** What the menu's items do; main supplies them (dialogs, the library, pushes to the renderer). */
export interface MenuActions {
  openFile(): void;
  openFolder(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  exportReview(): void;
  setLanguage(language: UiLanguage): void;
  showShortcuts(): void;
  showAbout(): void;
}

export interface MenuState {
  language: UiLanguage;
  recent: string[];
  /** Developer tools only in development builds. */
  development: boolean;
  isMac: boolean;
}

/**
 * The application menu in the saved UI language. Rebuilt (cheaply) whenever the language or the
 * recent list changes, instead of mutating labels in place, which Electron does not support.
 */
export function buildAppMenu(state: MenuState, actions: MenuActions): Menu {
  const t = menuLabels(state.language);
  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : [
          ...state.recent.map((path, index): MenuItemConstructorOptions => ({
            // No mnemonic processing on paths: an `&` in a folder name must show as typed.
            label: index < 9 ? `${index + 1}  ${path.replaceAll('&', '&&')}` : path.replaceAll('&', '&&'),
            click: () => actions.openRecent(path),
          })),
          { type: 'separator' },
          { label: t.clearRecent, click: () => actions.clearRecent() },
        ];

  const template: MenuItemConstructorOptions[] = [
    ...(state.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.openFile, accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
        { label: t.openFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFolder() },
        { label: t.recent, submenu: recentItems },
        { type: 'separator' },
        { label: t.export, accelerator: 'CmdOrCtrl+E', click: () => actions.exportReview() },
        { type: 'separator' },
        { label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t.view,
      submenu: [
        {
          label: t.uiLanguage,
          submenu: (['en', 'zh-CN'] as const).map((language) => ({
            label: languageNames[language],
            type: 'radio' as const,
            checked: state.language === language,
            click: () => actions.setLanguage(language),
          })),
        },
        { type: 'separator' },
        { label: t.reload, role: 'reload' },
        ...(state.development ? [{ label: t.devTools, role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { label: t.actualSize, role: 'resetZoom' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.shortcuts, accelerator: 'F1', click: () => actions.showShortcuts() },
        { type: 'separator' },
        { label: t.about, click: () => actions.showAbout() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
