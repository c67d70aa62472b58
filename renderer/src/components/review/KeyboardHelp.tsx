import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_SHORTCUTS } from '../../features/review/shortcuts.ts';

/** The list of keyboard shortcuts, as a modal dialog; Escape or the button closes it. */
export function KeyboardHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('review');
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{t('help.title')}</h2>
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
      </div>
    </div>
  );
}
