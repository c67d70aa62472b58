import type { ShownRecord } from './corpusFacts.ts';

/** Times the page script records, in ms since navigation start (the page's `performance.now()`). */
export interface ProbeTimes {
  /** The record list first has a row. */
  firstListed: number | null;
  /** The first record's DOI, English and Chinese text are in the main region (next frame). */
  firstShown: number | null;
  /** The list's accessible name counts every record of the corpus. */
  allListed: number | null;
}

/**
 * Page script, installed before the app's own: one MutationObserver notes when the list first
 * has a row, when the first record is shown and when the list counts all `count` records.
 * "Shown" is taken at the animation frame after the mutation that completed the text, i.e. when
 * the browser is about to paint it.
 */
export function probeScript(first: ShownRecord, count: number): string {
  return `(() => {
    const first = ${JSON.stringify(first)};
    const count = ${JSON.stringify(String(count))};
    const times = { firstListed: null, firstShown: null, allListed: null };
    window.__appScale = times;
    const shows = (root, record) => {
      const text = root.textContent || '';
      return text.includes(record.doi) && text.includes(record.english) && text.includes(record.chinese);
    };
    const observer = new MutationObserver(() => {
      const list = document.querySelector('[role="listbox"]');
      if (times.firstListed === null && list && list.querySelector('[role="option"]')) times.firstListed = performance.now();
      if (times.firstShown === null) {
        const main = document.querySelector('main');
        if (main && shows(main, first)) {
          times.firstShown = -1;
          requestAnimationFrame(() => { times.firstShown = performance.now(); });
        }
      }
      if (times.allListed === null && list && (list.getAttribute('aria-label') || '').replace(/\\D/g, '') === count) {
        times.allListed = performance.now();
      }
      if (times.firstListed !== null && times.firstShown !== null && times.allListed !== null) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
  })();`;
}

/** What the switches took: one duration per step, and where the time went. */
export interface SwitchTimes {
  durations: number[];
  /** The app's own `record-switch:<stage>` measures (renderer/src/features/record/switchTiming.ts), in ms from the choice. */
  stages: Record<string, number[]>;
  /** Each request to the host made while switching, by channel: its duration (Resource Timing), in ms. */
  requests: Record<string, number[]>;
}

/**
 * Runs in the page: selects the last record (End in the list box), then steps up one record at a
 * time (ArrowUp), timing each step from the key press to the frame after the new record's DOI,
 * English and Chinese text are all in the main region and nothing there is busy any more (the
 * review view marks its placeholders `aria-busy` until the alignment and flags are in).
 * `targets[0]` is the last record, then the one before it, and so on. Returns one duration per
 * step, or throws on a step that never shows.
 */
export async function switchRecordsInPage({ targets, timeoutMs }: { targets: ShownRecord[]; timeoutMs: number }): Promise<SwitchTimes> {
  // Runs in the browser; the benchmarks are type-checked without the DOM library.
  const page = globalThis as unknown as {
    document: {
      querySelector(selector: string): { textContent: string | null; focus(): void; dispatchEvent(event: unknown): boolean; querySelector(selector: string): unknown } | null;
    };
    KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => unknown;
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    requestAnimationFrame(callback: () => void): void;
  };
  const list = page.document.querySelector('[role="listbox"]');
  const main = page.document.querySelector('main');
  if (!list || !main) throw new Error('no record list or main region');
  const shows = (record: ShownRecord): boolean => {
    const text = main.textContent ?? '';
    return text.includes(record.doi) && text.includes(record.english) && text.includes(record.chinese) && main.querySelector('[aria-busy="true"]') === null;
  };
  const waitShown = (record: ShownRecord): Promise<number> =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = (): void => {
        if (done || !shows(record)) return;
        done = true;
        observer.disconnect();
        page.requestAnimationFrame(() => resolve(performance.now()));
      };
      const observer = new page.MutationObserver(finish);
      observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
      setTimeout(() => {
        if (done) return;
        observer.disconnect();
        reject(new Error(`record ${record.doi} not shown within ${timeoutMs} ms`));
      }, timeoutMs);
      finish();
    });
  const press = (key: string): void => {
    list.dispatchEvent(new page.KeyboardEvent('keydown', { key, bubbles: true }));
  };
  const [last, ...rest] = targets;
  if (!last) return { durations: [], stages: {}, requests: {} };
  list.focus();
  press('End');
  await waitShown(last);
  // The buffer holds 250 entries by default, which the list's paging and polling have long filled.
  performance.setResourceTimingBufferSize(100_000);
  performance.clearResourceTimings();
  const phaseStart = performance.now();
  const durations: number[] = [];
  for (const target of rest) {
    const start = performance.now();
    press('ArrowUp');
    durations.push((await waitShown(target)) - start);
  }
  const group = (entries: { name: string; duration: number }[], keyOf: (name: string) => string | null): Record<string, number[]> => {
    const grouped: Record<string, number[]> = {};
    for (const entry of entries) {
      const key = keyOf(entry.name);
      if (key !== null) (grouped[key] ??= []).push(entry.duration);
    }
    return grouped;
  };
  const stages = group(
    performance.getEntriesByType('measure').filter((entry) => entry.startTime >= phaseStart),
    (name) => (name.startsWith('record-switch:') ? name.slice('record-switch:'.length) : null),
  );
  const requests = group(performance.getEntriesByType('resource'), (name) => /\/api\/([^/?]+)/.exec(name)?.[1] ?? null);
  return { durations, stages, requests };
}
