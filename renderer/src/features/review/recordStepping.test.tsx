// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppRoot } from '../../AppRoot.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { atFirstDrawing } from '../../testing/atFirstDrawing.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';

beforeAll(() => {
  // The virtualised record list needs a height to render its options in jsdom.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterEach(cleanup);

describe('record stepping from the review view', () => {
  it('Alt+Down and Alt+Up move to the next and previous record', async () => {
    render(<AppRoot api={createFakeReviewApi({ records: [mdmaRecord, secondRecord] })} i18n={createI18n('en')} />);
    const list = await screen.findByRole('listbox', { name: /^Records/ });
    const main = screen.getByRole('main');
    await within(main).findAllByRole('group', { name: /^Row 1,/ });
    fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
    expect(within(list).getByRole('option', { name: /Sleep duration/ }).getAttribute('aria-selected')).toBe('true');
    expect(await within(main).findByRole('heading', { name: secondRecord.en.title })).toBeTruthy();
    await within(main).findAllByRole('group', { name: /^Row 1,/ });
    fireEvent.keyDown(document.body, { key: 'ArrowUp', altKey: true });
    expect(within(list).getByRole('option', { name: /MDMA/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('takes Alt+Down pressed the moment the first record is drawn', async () => {
    // Pressed before React's passive effects of that drawing have run (see atFirstDrawing).
    const stop = atFirstDrawing(
      () => screen.queryAllByRole('group', { name: /^Row 1,/ }).length > 0,
      () => fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true }),
    );
    render(<AppRoot api={createFakeReviewApi({ records: [mdmaRecord, secondRecord] })} i18n={createI18n('en')} />);
    expect(await within(screen.getByRole('main')).findByRole('heading', { name: secondRecord.en.title })).toBeTruthy();
    const list = screen.getByRole('listbox', { name: /^Records/ });
    expect(within(list).getByRole('option', { name: /Sleep duration/ }).getAttribute('aria-selected')).toBe('true');
    stop();
  });
});
