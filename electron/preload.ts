// The only bridge between the sandboxed renderer and main: one method per contract channel,
// each a plain `ipcRenderer.invoke`, and `onX` subscriptions that return their unsubscribe.
// ipcRenderer itself is never exposed, nor a generic invoke(channel), so a compromised page can
// only make the calls listed here, and main still validates and sender-checks each one.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { LoadProgress, MenuCommand, ReviewApi } from '../shared/contract/channels.ts';

function subscribe<T>(channel: string, callback: (payload: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, payload: T): void => callback(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const api: ReviewApi = {
  listRecords: (request) => ipcRenderer.invoke('library:list', request),
  openPaths: (request) => ipcRenderer.invoke('library:openPaths', request),
  importText: (request) => ipcRenderer.invoke('library:importText', request),
  importTexts: (request) => ipcRenderer.invoke('library:importTexts', request),
  getRecord: (request) => ipcRenderer.invoke('library:getRecord', request),
  getRecordForReview: (request) => ipcRenderer.invoke('library:recordForReview', request),
  recentFiles: (request) => ipcRenderer.invoke('library:recent', request),
  openSample: (request) => ipcRenderer.invoke('library:openSample', request),
  clearLibrary: (request) => ipcRenderer.invoke('library:clear', request),
  getSettings: (request) => ipcRenderer.invoke('settings:get', request),
  setSettings: (request) => ipcRenderer.invoke('settings:set', request),
  listReview: (request) => ipcRenderer.invoke('annotations:list', request),
  saveAnnotation: (request) => ipcRenderer.invoke('annotations:save', request),
  deleteAnnotation: (request) => ipcRenderer.invoke('annotations:delete', request),
  decideFlag: (request) => ipcRenderer.invoke('flags:decide', request),
  setReviewStatus: (request) => ipcRenderer.invoke('review:setStatus', request),
  saveAlignmentCorrection: (request) => ipcRenderer.invoke('alignment:saveCorrection', request),
  writeExport: (request) => ipcRenderer.invoke('export:write', request),
  importMqm: (request) => ipcRenderer.invoke('annotations:importMqm', request),
  listGlossary: (request) => ipcRenderer.invoke('glossary:list', request),
  saveGlossaryEntry: (request) => ipcRenderer.invoke('glossary:save', request),
  deleteGlossaryEntry: (request) => ipcRenderer.invoke('glossary:delete', request),
  importGlossaryTsv: (request) => ipcRenderer.invoke('glossary:importTsv', request),
  exportGlossaryTsv: (request) => ipcRenderer.invoke('glossary:exportTsv', request),
  queryRecords: (request) => ipcRenderer.invoke('library:query', request),
  corpusFindings: (request) => ipcRenderer.invoke('library:corpusFindings', request),
  onLoadProgress: (callback) => subscribe<LoadProgress>('library:progress', callback),
  onMenuCommand: (callback) => subscribe<MenuCommand>('menu:command', callback),
  pathForFile: (file) => {
    try {
      // Electron 32+ removed File.path; webUtils is the way to a dropped file's path.
      return webUtils.getPathForFile(file as File) || null;
    } catch {
      return null;
    }
  },
  host: 'electron',
};

contextBridge.exposeInMainWorld('api', api);
