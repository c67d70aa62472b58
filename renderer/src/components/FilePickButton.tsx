import type { ChangeEvent, ReactNode } from 'react';

export interface FilePickButtonProps {
  children: ReactNode;
  /** At least one file: cancelling the picker calls nothing. */
  onPick(files: [File, ...File[]]): void;
  /** The file types offered first in the system's picker (`accept`). */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}

/**
 * A button that opens the system's file picker: a label around a visually hidden input. The label
 * is the visible button, the input keeps its keyboard focus and its accessible name, and no
 * script has to call `input.click()`. The input is cleared after each pick, so choosing the same
 * file again (after fixing it on disk) fires again.
 */
export function FilePickButton({ children, onPick, accept, multiple = false, disabled = false }: FilePickButtonProps) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const [first, ...rest] = files;
    if (first) onPick([first, ...rest]);
  };
  return (
    <label className="button">
      {children}
      <input type="file" className="visually-hidden" multiple={multiple} disabled={disabled} onChange={onChange} {...(accept ? { accept } : {})} />
    </label>
  );
}
