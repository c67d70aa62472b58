import type { UiLanguage } from '../shared/contract/channels.ts';

/**
 * The application menu's words in both UI languages. The renderer's strings live in its i18n
 * files; the menu is drawn by main, so it carries its own small table, chosen by the saved UI
 * language and rebuilt when it changes. `&` marks the Alt-key mnemonic on Windows and Linux;
 * Chinese labels put the mnemonic in brackets after the word, as Chinese Windows software does.
 */
export interface MenuLabels {
  file: string;
  openFile: string;
  openFolder: string;
  recent: string;
  noRecent: string;
  clearRecent: string;
  export: string;
  quit: string;
  view: string;
  uiLanguage: string;
  reload: string;
  devTools: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  help: string;
  shortcuts: string;
  about: string;
  aboutDetail: string;
  openFileDialog: string;
  openFolderDialog: string;
  recordFiles: string;
  allFiles: string;
}

const en: MenuLabels = {
  file: '&File',
  openFile: 'Open File…',
  openFolder: 'Open Folder…',
  recent: 'Open &Recent',
  noRecent: 'No recent files',
  clearRecent: 'Clear Recent',
  export: '&Export…',
  quit: '&Quit',
  view: '&View',
  uiLanguage: 'UI &Language',
  reload: 'Reload',
  devTools: 'Toggle Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  help: '&Help',
  shortcuts: 'Keyboard Shortcuts',
  about: 'About Abstract MT Review',
  aboutDetail: 'Review English → Chinese machine translations of scientific abstracts side by side.',
  openFileDialog: 'Open record files',
  openFolderDialog: 'Open a folder of record files',
  recordFiles: 'Record files',
  allFiles: 'All files',
};

const zhCN: MenuLabels = {
  file: '文件(&F)',
  openFile: '打开文件…',
  openFolder: '打开文件夹…',
  recent: '最近打开(&R)',
  noRecent: '没有最近打开的文件',
  clearRecent: '清除最近记录',
  export: '导出(&E)…',
  quit: '退出(&Q)',
  view: '视图(&V)',
  uiLanguage: '界面语言(&L)',
  reload: '重新加载',
  devTools: '切换开发者工具',
  actualSize: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '切换全屏',
  help: '帮助(&H)',
  shortcuts: '键盘快捷键',
  about: '关于 Abstract MT Review',
  aboutDetail: '并排审校科学论文摘要的英译中机器翻译。',
  openFileDialog: '打开记录文件',
  openFolderDialog: '打开记录文件所在的文件夹',
  recordFiles: '记录文件',
  allFiles: '所有文件',
};

/** The menu labels for a UI language. */
export function menuLabels(language: UiLanguage): MenuLabels {
  return language === 'zh-CN' ? zhCN : en;
}

/** Language names are written in their own language, so a user can find theirs whatever the UI shows. */
export const languageNames: Record<UiLanguage, string> = { en: 'English', 'zh-CN': '中文（简体）' };
