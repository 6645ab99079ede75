import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { isApiError } from '../../lib/api';
import {
  HSDS_EXPORT_JSON_NAME,
  HSDS_EXPORT_JSON_URL,
  HSDS_EXPORT_ZIP_NAME,
  HSDS_EXPORT_ZIP_URL,
  importHsds,
  type HsdsImportBody,
  type HsdsImportProgress,
} from '../../lib/directoryExchangeApi';
import { FormError, describedBy } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import {
  MAX_IMPORT_SERVICES,
  planImport,
  progressValue,
  readImportBody,
  worthAnnouncing,
  type FileProblem,
  type ImportKind,
} from './exchangeValues';
import { ImportErrors, ImportSummary } from './ImportOutcome';
import { useDirectoryMutation } from './useDirectory';

/** The two exports: plain downloads (same origin, so the session cookie goes with them). */
export function ExportLinks() {
  const t = useT();
  return (
    <ul className="space-y-3">
      <li>
        <a href={HSDS_EXPORT_JSON_URL} download={HSDS_EXPORT_JSON_NAME} className={buttonClass.secondary}>
          {t('directory.exchange.exportJson')}
        </a>
        <p className="mt-1 text-sm text-slate-800">{t('directory.exchange.exportJsonHint')}</p>
      </li>
      <li>
        <a href={HSDS_EXPORT_ZIP_URL} download={HSDS_EXPORT_ZIP_NAME} className={buttonClass.secondary}>
          {t('directory.exchange.exportZip')}
        </a>
        <p className="mt-1 text-sm text-slate-800">{t('directory.exchange.exportZipHint')}</p>
      </li>
    </ul>
  );
}

/** The directory page's downloads, for everyone who reads the directory. */
export function ExportSection() {
  const t = useT();
  return (
    <section aria-labelledby="hsds-export-heading" className={cx(cardClass, 'space-y-3')}>
      <h2 id="hsds-export-heading" className="text-xl font-semibold text-slate-900">
        {t('directory.exchange.exportTitle')}
      </h2>
      <p className="max-w-3xl text-slate-800">{t('directory.exchange.exportIntro')}</p>
      <ExportLinks />
    </section>
  );
}

/** "Intercambio HSDS 3.0" on the entries page: the downloads, and the import (admins and coordinators). */
export function ExchangeSection() {
  const t = useT();
  return (
    <section aria-labelledby="hsds-exchange-heading" className={cx(cardClass, 'space-y-4')}>
      <h2 id="hsds-exchange-heading" className="text-xl font-semibold text-slate-900">
        {t('directory.exchange.title')}
      </h2>
      <p className="max-w-3xl text-slate-800">{t('directory.exchange.intro')}</p>
      <h3 className="text-lg font-semibold text-slate-900">{t('directory.exchange.exportTitle')}</h3>
      <p className="max-w-3xl text-slate-800">{t('directory.exchange.exportIntro')}</p>
      <ExportLinks />
      <ImportForm />
    </section>
  );
}

function ImportForm() {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [reading, setReading] = useState(false);
  const [progress, setProgress] = useState<HsdsImportProgress | null>(null);
  const [announced, setAnnounced] = useState<HsdsImportProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the page stops reading the answer (the server finishes the import on its own).
  useEffect(() => () => abort.current?.abort(), []);

  const run = useDirectoryMutation(
    ({ body }: { body: HsdsImportBody; kind: ImportKind }) => {
      abort.current = new AbortController();
      return importHsds(
        body,
        (next) => {
          setProgress(next);
          setAnnounced((previous) => (worthAnnouncing(previous, next) ? next : previous));
        },
        abort.current.signal,
      );
    },
    {
      onSuccess: () => {
        // Done: the same files are not sent twice by mistake.
        if (input.current) input.current.value = '';
      },
    },
  );

  const busy = reading || run.isPending;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    run.reset();
    setProgress(null);
    setAnnounced(null);
    const refuse = (why: FileProblem) => {
      setReading(false);
      setProblem(why);
      input.current?.focus();
    };
    const plan = planImport(Array.from(input.current?.files ?? []));
    if (typeof plan === 'string') return refuse(plan);
    setProblem(null);
    setReading(true);
    const body = await readImportBody(plan);
    if (typeof body === 'string') return refuse(body);
    setReading(false);
    run.mutate({ body, kind: plan.kind });
  };

  // Refused with its errors named (else, as any other failure, the error's own message).
  const refused =
    isApiError(run.error, 'validation_failed') && run.error.fields.length > 0 ? run.error.fields : null;
  const aborted = run.error instanceof DOMException && run.error.name === 'AbortError';
  const status = reading
    ? t('directory.exchange.reading')
    : run.isSuccess
      ? t('directory.exchange.done')
      : refused
        ? t('directory.exchange.refused', { count: refused.length })
        : busy && announced
          ? t(announced.phase === 'checking' ? 'directory.exchange.checking' : 'directory.exchange.writing', {
              done: announced.done,
              total: announced.total,
            })
          : busy
            ? t('directory.exchange.sending')
            : '';
  // Empty (indeterminate) until the server's first progress line; full once done.
  const bar = run.isSuccess ? { value: 1, max: 1 } : busy && progress ? progressValue(progress) : null;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 border-t border-slate-300 pt-4"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t('directory.exchange.importTitle')}
      </h3>
      <div className="max-w-3xl space-y-2 text-slate-800">
        <p>{t('directory.exchange.importIntro')}</p>
        <ul className="list-disc space-y-1 ps-5">
          <li>{t('directory.exchange.formJson')}</li>
          <li>{t('directory.exchange.formZip')}</li>
          <li>{t('directory.exchange.formCsv')}</li>
        </ul>
        <p className="font-medium text-slate-900">
          {t('directory.exchange.allOrNothing', { max: MAX_IMPORT_SERVICES })}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-files`} className="mb-1 block font-medium text-slate-900">
          {t('directory.exchange.files')}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {t('directory.exchange.filesHint')}
        </p>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          accept=".json,.zip,.csv,application/json,application/zip,text/csv"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, problem ? `${id}-problem` : undefined)}
          className={cx(
            inputClass,
            'min-w-0 file:me-3 file:rounded-md file:border file:border-slate-500 file:bg-slate-100 file:px-3 file:py-1 file:font-medium file:text-slate-900',
            problem && 'border-red-700',
          )}
          onChange={() => setProblem(null)}
        />
        {problem ? (
          <p id={`${id}-problem`} className="mt-1 text-sm font-medium text-red-800">
            <span aria-hidden="true">⚠ </span>
            {t(`directory.exchange.problem.${problem}`, { max: MAX_IMPORT_SERVICES })}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass.primary} disabled={busy}>
        {busy ? t('directory.exchange.importing') : t('directory.exchange.importSubmit')}
      </button>
      {busy || run.isSuccess ? (
        <progress
          aria-label={t('directory.exchange.progressLabel')}
          className="block h-3 w-full max-w-xl accent-teal-800"
          {...(bar ? { value: bar.value, max: bar.max } : {})}
        />
      ) : null}
      <p role="status" className={status ? 'font-medium text-slate-900' : 'sr-only'}>
        {status}
      </p>
      {run.isSuccess ? <ImportSummary kind={run.variables.kind} answer={run.data} /> : null}
      {refused ? <ImportErrors fields={refused} /> : null}
      {run.isError && !refused && !aborted ? <FormError error={run.error} /> : null}
    </form>
  );
}
