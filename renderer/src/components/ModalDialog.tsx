import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

export interface ModalDialogProps {
  title: string;
  onClose(): void;
  /** When given, the dialog is a form and this handles its submission. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** Extra classes for the dialog and its backdrop. */
  className?: string;
  backdropClassName?: string;
  children: ReactNode;
}

/** What Tab can reach inside the dialog, in document order. */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * The frame every modal dialog shares: backdrop, `role="dialog"` labelled by its heading, and
 * Escape to close (stopped there, so the review view's own Escape handling does not also fire).
 *
 * Keyboard users stay inside while it is open: it takes focus when it opens (its first control),
 * Tab and Shift+Tab wrap around its controls instead of walking into the page behind the backdrop,
 * and focus goes back to where it was (the toolbar button that opened it) when it closes.
 */
export function ModalDialog({ title, onClose, onSubmit, className, backdropClassName, children }: ModalDialogProps) {
  const titleId = useId();
  const frameRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const frame = frameRef.current;
    if (frame && !frame.contains(document.activeElement)) (focusableIn(frame)[0] ?? frame).focus();
    return () => {
      // Only when focus is still ours (or lost to <body>): a click elsewhere that moved it wins.
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body || frame?.contains(active))) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    const frame = frameRef.current;
    if (event.key !== 'Tab' || !frame) return;
    const controls = focusableIn(frame);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === frame)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const frame = {
    className: className ? `modal ${className}` : 'modal',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    // Focusable itself, so a dialog without controls can still hold focus (and its Escape).
    tabIndex: -1,
    onKeyDown,
  } as const;
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <div className={backdropClassName ? `modal-backdrop ${backdropClassName}` : 'modal-backdrop'}>
      {onSubmit ? (
        <form {...frame} ref={(node) => { frameRef.current = node; }} onSubmit={onSubmit}>
          {heading}
          {children}
        </form>
      ) : (
        <div {...frame} ref={(node) => { frameRef.current = node; }}>
          {heading}
          {children}
        </div>
      )}
    </div>
  );
}
