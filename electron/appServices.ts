import { join } from 'node:path';
import { fail, ok } from '../shared/contract/result.ts';
import type { Handlers } from '../shared/contract/validate.ts';
import { openAnnotationStore, type SqliteAnnotationRepository } from './services/annotationStore.ts';
import { createGlossaryHandlers } from './services/glossaryService.ts';
import { HostActivity } from './services/hostActivity.ts';
import { RecordIndex } from './services/recordIndex.ts';
import { RecordLibrary, type RecordLibraryOptions } from './services/recordLibrary.ts';
import { createReviewHandlers } from './services/reviewService.ts';
import { SettingsService } from './services/settings.ts';

/** The main-side services one running app uses, whichever host (Electron or the browser host) serves it. */
export interface AppServices {
  store: SqliteAnnotationRepository;
  settings: SettingsService;
  library: RecordLibrary;
  /**
   * The page's requests in flight, as the transport (IPC, app:// files, the browser host's HTTP
   * server) reports them; the library's load gives way to them between its slices.
   */
  activity: HostActivity;
  /** The bundled sample records, opened when the app starts without paths. */
  samplePaths: string[];
  close(): void;
}

export interface AppServicesOptions {
  /** Folder for the review database (Electron's userData, or the browser host's). */
  userDataDir: string;
  samplePaths: string[];
  library?: Omit<RecordLibraryOptions, 'recent'>;
  /** `--max-file-mb`: the size limit for this launch, over the `maxFileMb` setting. */
  maxFileMb?: number;
}

/** Opens the store in `userDataDir` and wires settings and the library to it. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const store = openAnnotationStore(join(options.userDataDir, 'review.sqlite'));
  const settings = new SettingsService(store);
  const activity = new HostActivity();
  const library = new RecordLibrary({ yieldTurn: () => activity.turn(), ...options.library, recent: settings });
  // The command line wins for its launch; otherwise the setting, followed as the user changes it.
  const applyLimit = (): void => {
    const mb = options.maxFileMb ?? settings.get().maxFileMb;
    library.setMaxFileBytes(mb === null ? null : mb * 1024 * 1024);
  };
  applyLimit();
  settings.onChange(applyLimit);
  const close = (): void => {
    library.close();
    store.close();
  };
  return { store, settings, library, activity, samplePaths: options.samplePaths, close };
}

/**
 * One handler per contract channel, over the services. Both transports register exactly this
 * table through `handleRequest`, so Electron and the browser host cannot drift apart.
 */
export function createHandlers(services: AppServices): Handlers {
  const { library, settings } = services;
  // Flag counts are checked in the background from the first load, in a worker thread so requests
  // are not kept waiting; statuses follow review:setStatus.
  const recordIndex = new RecordIndex(library, services.store, { worker: true });
  const review = createReviewHandlers(services);
  return {
    'library:list': ({ start, limit }) => {
      if (start === undefined && limit === undefined) return ok(library.list());
      const { records, errors, ...page } = library.listPage(start ?? 0, limit ?? 10_000);
      return ok({ records, errors, page });
    },
    'library:openPaths': async ({ paths, format }) => ok(await library.openPaths(paths, format)),
    'library:importText': ({ name, text, format }) => ok(library.importText(name, text, format)),
    'library:importTexts': ({ files, format }) => ok(library.importTexts(files, format)),
    'library:getRecord': ({ id }) => {
      const record = library.get(id);
      return record ? ok(record) : fail(`No record with id "${id}" is open`);
    },
    'library:recordForReview': async ({ id }) => {
      recordIndex.recordOpened();
      const record = library.get(id);
      if (!record) return fail(`No record with id "${id}" is open`);
      const stored = await review['annotations:list']({ recordId: id });
      if (!stored.ok) return stored;
      return ok({ record, review: stored.value, corpus: recordIndex.corpusFindings({ id }) });
    },
    'library:recent': () => ok(settings.recent()),
    'library:openSample': async () => ok(await library.openPaths(services.samplePaths, undefined, { remember: false })),
    'library:clear': () => ok(library.clear()),
    'settings:get': () => ok(settings.get()),
    'settings:set': (patch) => ok(settings.set(patch)),
    'library:query': (request) => ok(recordIndex.query(request)),
    'library:corpusFindings': (request) => ok(recordIndex.corpusFindings(request)),
    ...review,
    'review:setStatus': async (request) => {
      const result = await review['review:setStatus'](request);
      if (result.ok) recordIndex.statusChanged(request.recordId, request.status);
      return result;
    },
    ...createGlossaryHandlers(services),
  };
}
