import { useId, useRef, useState, type Ref } from 'react';
import { useEnumOptions, useLanguageOptions, useStateOptions } from '../../lib/options';
import { buttonClass, inputClass } from '../../components/styles';
import type { Option } from '../../components/forms';
import { useT } from '../../i18n/useT';
import { hasFilters, parseDirectoryFilters, type DirectoryFilters } from './directoryValues';

const draftOf = (filters: DirectoryFilters) => ({
  need: filters.need ?? '',
  state: filters.state ?? '',
  municipality: filters.municipality ?? '',
  language: filters.language ?? '',
  q: filters.q ?? '',
});

function Select({
  id,
  label,
  value,
  options,
  onChange,
  selectRef,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const t = useT();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-900">
        {label}
      </label>
      <select
        ref={selectRef}
        id={id}
        className={inputClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('directory.search.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The search's filters: a need, a state (and then a municipality of it), a
 * language and words. Applied together with "Buscar"; they go into the URL.
 */
export function SearchForm({
  filters,
  onSearch,
}: {
  filters: DirectoryFilters;
  onSearch: (filters: DirectoryFilters) => void;
}) {
  const t = useT();
  const id = useId();
  const needs = useEnumOptions('needDomain');
  const states = useStateOptions();
  const languages = useLanguageOptions();
  const first = useRef<HTMLSelectElement>(null);
  const [draft, setDraft] = useState(() => draftOf(filters));
  // The URL changed (back, forward, cleared): show its filters.
  const key = JSON.stringify(filters);
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    setDraft(draftOf(filters));
  }
  const set = (key: keyof typeof draft) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value, ...(key === 'state' && !value ? { municipality: '' } : {}) }));

  return (
    <form
      role="search"
      aria-label={t('directory.search.region')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(parseDirectoryFilters(draft));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          id={`${id}-need`}
          label={t('directory.search.need')}
          value={draft.need}
          options={needs}
          onChange={set('need')}
          selectRef={first}
        />
        <Select
          id={`${id}-state`}
          label={t('directory.search.state')}
          value={draft.state}
          options={states}
          onChange={set('state')}
        />
        <div className="min-w-0">
          <label htmlFor={`${id}-municipality`} className="mb-1 block font-medium text-slate-900">
            {t('directory.search.municipality')}
          </label>
          <p id={`${id}-municipality-hint`} className="mb-1 text-sm text-slate-700">
            {t('directory.search.municipalityHint')}
          </p>
          <input
            id={`${id}-municipality`}
            type="text"
            autoComplete="off"
            maxLength={120}
            disabled={!draft.state}
            aria-describedby={`${id}-municipality-hint`}
            className={inputClass}
            value={draft.municipality}
            onChange={(e) => set('municipality')(e.target.value)}
          />
        </div>
        <Select
          id={`${id}-language`}
          label={t('directory.search.language')}
          value={draft.language}
          options={languages}
          onChange={set('language')}
        />
        <div className="min-w-0 sm:col-span-2">
          <label htmlFor={`${id}-q`} className="mb-1 block font-medium text-slate-900">
            {t('directory.search.words')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            maxLength={100}
            className={inputClass}
            value={draft.q}
            onChange={(e) => set('q')(e.target.value)}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary}>
          {t('directory.search.submit')}
        </button>
        {hasFilters(filters) ? (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              onSearch({});
              // The button goes away with the filters: the focus goes back to the first one.
              first.current?.focus();
            }}
          >
            {t('directory.search.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
