// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ModalDialog } from './ModalDialog.tsx';

afterEach(cleanup);

function Harness({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Open</button>
      <button type="button">Behind</button>
      {open && (
        <ModalDialog title="Export" onClose={() => { onClose(); setOpen(false); }}>
          <input aria-label="File name" />
          <button type="button">Cancel</button>
          <button type="button" disabled>Disabled</button>
          <button type="button">Save</button>
        </ModalDialog>
      )}
    </>
  );
}

function open(): HTMLElement {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

describe('ModalDialog', () => {
  it('takes focus on its first control when it opens', () => {
    render(<Harness />);
    open();
    expect(document.activeElement).toBe(screen.getByLabelText('File name'));
  });

  it('wraps Tab from the last control to the first, and Shift+Tab from the first to the last', () => {
    render(<Harness />);
    open();
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    screen.getByRole('button', { name: 'Save' }).focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByLabelText('File name'));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
  });

  it('leaves Tab between inner controls to the browser', () => {
    render(<Harness />);
    open();
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    screen.getByLabelText('File name').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('closes on Escape and gives focus back to the control that opened it', () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const opener = open();
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Export' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('holds focus itself when it has no controls', () => {
    render(<ModalDialog title="Help" onClose={() => {}}><p>Keys</p></ModalDialog>);
    const dialog = screen.getByRole('dialog', { name: 'Help' });
    expect(document.activeElement).toBe(dialog);
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    dialog.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
