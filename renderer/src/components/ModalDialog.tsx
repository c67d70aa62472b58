import { useId, type FormEvent, type ReactNode } from 'react';

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

/**
 * The frame every modal dialog shares: backdrop, `role="dialog"` labelled by its heading, and
 * Escape to close (stopped there, so the review view's own Escape handling does not also fire).
 */
export function ModalDialog({ title, onClose, onSubmit, className, backdropClassName, children }: ModalDialogProps) {
  const titleId = useId();
  const frame = {
    className: className ? `modal ${className}` : 'modal',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    onKeyDown: (event: { key: string; stopPropagation(): void }) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    },
  } as const;
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <div className={backdropClassName ? `modal-backdrop ${backdropClassName}` : 'modal-backdrop'}>
      {onSubmit ? (
        <form {...frame} onSubmit={onSubmit}>
          {heading}
          {children}
        </form>
      ) : (
        <div {...frame}>
          {heading}
          {children}
        </div>
      )}
    </div>
  );
}
