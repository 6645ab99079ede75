/**
 * The words and number formats of the statistics page, gathered in one
 * object the components take as a prop: built from the translation and the
 * formatters, so a table renders the same in a test as on the page.
 */
import { useMemo } from 'react';
import { MAX_PERIOD_MONTHS, type FieldError, type StatDimension } from '@senda/domain';
import type { MessageKey } from '../../i18n/catalogues';
import { fieldErrorKey, useT, type Translate } from '../../i18n/useT';
import { useFormatters, type Formatters } from '../../lib/format';
import { codeText } from './labels';

export interface StatText {
  t: Translate;
  f: Formatters;
  /** The name of a row or column code. */
  code: (dimension: StatDimension, code: string) => string;
  /** A published count. */
  count: (value: number) => string;
  /** A share (0…1) as a percentage. */
  percent: (share: number) => string;
  /** A month `YYYY-MM` as "enero de 2025"; anything else as it is. */
  month: (value: string) => string;
  /** The translated text of a field error of the filters. */
  fieldError: (error: FieldError) => string;
}

/** Field errors of the filters that read better in months than in the general words. */
const FILTER_ERROR_KEYS: Partial<Record<string, MessageKey>> = {
  range_reversed: 'statistics.field.range_reversed',
  range_too_long: 'statistics.field.range_too_long',
};

export function makeStatText(t: Translate, f: Formatters): StatText {
  const percentFormat = new Intl.NumberFormat(f.tag, { style: 'percent', maximumFractionDigits: 1 });
  const monthFormat = new Intl.DateTimeFormat(f.tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    t,
    f,
    code: (dimension, code) => codeText(t, f, dimension, code),
    count: (value) => f.number(value),
    percent: (share) => percentFormat.format(share),
    month: (value) => {
      const match = /^(\d{4})-(\d{2})$/.exec(value);
      if (!match) return value;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
      return Number.isNaN(date.getTime()) ? value : monthFormat.format(date);
    },
    fieldError: (error) => {
      const key = FILTER_ERROR_KEYS[error.code];
      if (key) return t(key, { max: MAX_PERIOD_MONTHS / 12 });
      return t(fieldErrorKey(error.code), error.params ?? {});
    },
  };
}

export function useStatText(): StatText {
  const t = useT();
  const f = useFormatters();
  return useMemo(() => makeStatText(t, f), [t, f]);
}
