import { maxFileMbSchema, uiLanguageSchema, type Settings, type UiLanguage } from '../../shared/contract/channels.ts';

/** The part of the store settings need (so tests can pass a Map-backed fake). */
export interface SettingsStorage {
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
}

const MAX_RECENT = 10;

/**
 * UI language, reviewer name, the file size limit and the recent-files list, remembered between launches in the
 * annotation store's `settings` table. A stored value that no longer parses (hand-edited, or
 * from an older build) falls back to the default instead of failing the launch.
 */
export class SettingsService {
  private readonly storage: SettingsStorage;
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly defaultLanguage: UiLanguage;

  constructor(storage: SettingsStorage, defaultLanguage: UiLanguage = 'en') {
    this.storage = storage;
    this.defaultLanguage = defaultLanguage;
  }

  get(): Settings {
    const language = uiLanguageSchema.safeParse(this.storage.getSetting('uiLanguage'));
    return {
      uiLanguage: language.success ? language.data : this.defaultLanguage,
      reviewerName: this.storage.getSetting('reviewerName') ?? '',
      maxFileMb: this.maxFileMb(),
    };
  }

  private maxFileMb(): number | null {
    const stored = this.storage.getSetting('maxFileMb');
    const parsed = maxFileMbSchema.safeParse(stored === null || stored === '' ? null : Number(stored));
    return parsed.success ? parsed.data : null;
  }

  /** Saves the given fields and tells listeners (the Electron menu relabels itself). */
  set(patch: Partial<Settings>): Settings {
    if (patch.uiLanguage !== undefined) this.storage.setSetting('uiLanguage', uiLanguageSchema.parse(patch.uiLanguage));
    if (patch.reviewerName !== undefined) this.storage.setSetting('reviewerName', patch.reviewerName.trim());
    if (patch.maxFileMb !== undefined) this.storage.setSetting('maxFileMb', patch.maxFileMb === null ? '' : String(maxFileMbSchema.parse(patch.maxFileMb)));
    const settings = this.get();
    for (const listener of this.listeners) listener(settings);
    return settings;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Recently opened files and folders, most recent first. */
  recent(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getSetting('recentPaths') ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  clearRecent(): void {
    this.storage.setSetting('recentPaths', '[]');
  }

  /** Moves `paths` to the front of the recent list (deduplicated, capped). */
  addRecent(paths: readonly string[]): string[] {
    const next = [...new Set([...paths, ...this.recent()])].slice(0, MAX_RECENT);
    this.storage.setSetting('recentPaths', JSON.stringify(next));
    return next;
  }
}
