/**
 * "Share with the client": what was agreed, written for the client in their
 * language, to read through (and change) before copying it into the call's
 * chat or an email, or printing it. Nothing leaves the device unless the
 * practitioner pastes it somewhere.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type Catalogue, currentLanguage, loadCatalogue, t } from '../lib/i18n';
import { type Language, languageSchema } from '../lib/i18n/languages';
import type { Session } from '../lib/schemas';
import { shareText } from '../lib/share';
import { clients } from '../lib/storage/items';
import { Checkbox } from './Checkbox';
import { LanguageOptions } from './ClientLanguage';
import { useStored } from './useStored';

export function ShareWithClient({ session }: { session: Session }) {
  const [open, setOpen] = useState(false);
  // The linked client's preferred language, if they have one, is where the text starts.
  const client = useStored(
    async () => (session.clientId ? ((await clients.get(session.clientId)) ?? null) : null),
    clients.watch,
    session.clientId ?? 'none',
  );
  const boxId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <section className="share">
      <button
        ref={opener}
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={open ? boxId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {t('shareButton')}
      </button>
      {open && (
        <ShareBox
          id={boxId}
          session={session}
          clientLanguage={client.value?.language ?? null}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** Prints the text alone, as plain text in a frame of its own. */
function printText(text: string, language: Language) {
  const frame = document.createElement('iframe');
  frame.title = t('sharePrint');
  frame.className = 'print-frame';
  document.body.append(frame);
  const page = frame.contentDocument;
  const view = frame.contentWindow;
  if (!page || !view) {
    frame.remove();
    return;
  }
  page.documentElement.lang = language;
  const body = page.createElement('pre');
  body.style.cssText = 'white-space: pre-wrap; font: 12pt/1.5 system-ui, sans-serif;';
  body.textContent = text;
  page.body.append(body);
  view.addEventListener('afterprint', () => frame.remove(), { once: true });
  view.print();
}

function ShareBox({
  id,
  session,
  clientLanguage,
  onClose,
}: {
  id: string;
  session: Session;
  /** The linked client's language, once their record is read. */
  clientLanguage: Language | null;
  onClose: () => void;
}) {
  const headingId = useId();
  const languageId = useId();
  const textId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The client's language once their record is read (or they are linked), else Callcare's when the box opened
  // (a language chosen in Settings meanwhile does not rewrite the text); the practitioner's pick over both.
  const [openedIn] = useState(currentLanguage);
  const [picked, setLanguage] = useState<Language | null>(null);
  const language = picked ?? clientLanguage ?? openedIn;
  const [includeDeclined, setIncludeDeclined] = useState(false);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [failed, setFailed] = useState(false);
  const [status, setStatus] = useState('');
  // The practitioner's changes to the text, kept until the text it was made from changes.
  const [edited, setEdited] = useState<{ from: string; text: string } | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    setFailed(false);
    loadCatalogue(language).then(
      (loaded) => live && setCatalogue(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [language]);

  const ready = catalogue?.language === language ? catalogue : null;
  const generated = ready ? shareText(session, ready, { includeDeclined }) : '';
  const text = edited?.from === generated ? edited.text : generated;

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setStatus(t('shareCopied')),
      () => setStatus(t('shareCopyFailed')),
    );
  };

  return (
    <section id={id} className="card stack share-box" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('shareHeading')}
      </h3>
      <p className="muted small">{t('shareIntro')}</p>
      <div className="field">
        <label htmlFor={languageId}>{t('shareLanguage')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => {
            setStatus('');
            setLanguage(languageSchema.parse(event.target.value));
          }}
        >
          <LanguageOptions />
        </select>
      </div>
      <Checkbox label={t('shareIncludeDeclined')} checked={includeDeclined} onChange={setIncludeDeclined} />
      {failed && (
        <p className="error small" role="alert">
          {t('shareLoadFailed')}
        </p>
      )}
      <div className="field">
        <label htmlFor={textId}>{t('shareTextLabel')}</label>
        <textarea
          id={textId}
          lang={language}
          rows={12}
          value={text}
          readOnly={!ready}
          onChange={(event) => setEdited({ from: generated, text: event.target.value })}
        />
      </div>
      <div className="row">
        <button type="button" className="primary" disabled={!ready} onClick={copy}>
          {t('shareCopy')}
        </button>
        <button type="button" disabled={!ready} onClick={() => printText(text, language)}>
          {t('sharePrint')}
        </button>
        <button type="button" onClick={onClose}>
          {t('shareClose')}
        </button>
      </div>
      <p role="status" className="small">
        {status}
      </p>
    </section>
  );
}
