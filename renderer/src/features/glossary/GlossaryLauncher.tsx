import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlossaryDialog } from '../../components/glossary/GlossaryDialog.tsx';
import { useGlossaryEditor } from './useGlossaryEditor.ts';

/** The header's Glossary… button and the dialog it opens; focus goes back to the button on close. */
export function GlossaryLauncher() {
  const { t } = useTranslation('glossary');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const editor = useGlossaryEditor();

  const close = () => {
    setOpen(false);
    editor.clearMessages();
    button.current?.focus();
  };

  return (
    <>
      <button ref={button} type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && (
        <GlossaryDialog
          entries={editor.entries}
          busy={editor.busy}
          message={editor.message}
          importErrors={editor.importErrors}
          onSave={editor.save}
          onDelete={(term) => void editor.remove(term)}
          onImport={(file) => void editor.importFile(file)}
          onExport={() => void editor.exportFile()}
          onClose={close}
        />
      )}
    </>
  );
}
