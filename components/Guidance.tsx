/** "Why?": an item's guidance and source, shown on demand. */
import { useId, useState } from 'react';
import { t } from '../lib/i18n';

export function Guidance({ item, guidance }: { item: string; guidance: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (guidance.trim().length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="link small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('panelWhyLabel', { item })}
        onClick={() => setOpen(!open)}
      >
        {t('panelWhy')}
      </button>
      <p id={id} className="muted small" hidden={!open}>
        {guidance}
      </p>
    </>
  );
}
