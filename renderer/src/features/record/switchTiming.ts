/**
 * User Timing marks for a record switch, so a profile (DevTools' Performance panel, or the
 * `bench:app-scale` breakdown, which reads them) shows where a switch's time goes: the user's
 * choice is marked `record-switch`, and each stage the new record reaches is measured from it as
 * `record-switch:<stage>` with the record id as detail. A stage is measured once per switch, and
 * only for the record chosen last, so a slow answer for a record already left behind adds nothing.
 *
 * Marks cost microseconds; the measures kept are capped so a long session does not collect them
 * without end.
 */
export const switchStages = ['record', 'analysis', 'review', 'shown'] as const;
export type SwitchStage = (typeof switchStages)[number];

const startMark = 'record-switch';
const keptMeasures = 2000;

let current: { id: string; start: number; done: Set<SwitchStage> } | null = null;
let measured = 0;

const timing = (): Performance | null => (typeof performance === 'object' && typeof performance.mark === 'function' ? performance : null);

/** Notes that the user chose `id` (a click, an arrow key, Alt+↓): the switch starts now. */
export function markSwitchStart(id: string): void {
  const clock = timing();
  if (!clock) return;
  if (current?.id === id) return;
  const mark = clock.mark(startMark, { detail: id });
  current = { id, start: mark.startTime, done: new Set() };
}

/** Notes that the record chosen last, `id`, reached `stage`. */
export function markSwitchStage(stage: SwitchStage, id: string): void {
  const clock = timing();
  if (!clock || current?.id !== id || current.done.has(stage)) return;
  current.done.add(stage);
  if (measured >= keptMeasures) {
    for (const name of switchStages) clock.clearMeasures(`${startMark}:${name}`);
    clock.clearMarks(startMark);
    measured = 0;
  }
  clock.measure(`${startMark}:${stage}`, { start: current.start, detail: id });
  measured += 1;
}
