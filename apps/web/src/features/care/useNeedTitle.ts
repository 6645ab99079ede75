import type { CareNeed } from '../../lib/careApi';
import { useEnumLabel } from '../../lib/options';
import { useT } from '../../i18n/useT';

/** "Legal · Asylum": the domain, and its finer kind when there is one. */
export function useNeedTitle(): (need: Pick<CareNeed, 'domain' | 'detail'>) => string {
  const t = useT();
  const label = useEnumLabel();
  return (need) =>
    need.detail
      ? t('care.need.titleWithDetail', {
          domain: label('needDomain', need.domain),
          detail: label('needDetail', need.detail),
        })
      : label('needDomain', need.domain);
}
