import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ModalDialog.tsx';
import { REVIEW_SHORTCUTS } from '../../features/review/shortcuts.ts';

/** The list of keyboard shortcuts, as a modal dialog; Escape or the button closes it. */
export function KeyboardHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('review');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <ModalDialog title={t('help.title')} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {REVIEW_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, k) => (
                  <span key={key}>
                    {k > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`help.action.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={close} type="button" className="button" onClick={onClose}>
        {t('help.close')}
      </button>
    </ModalDialog>
  );
}
