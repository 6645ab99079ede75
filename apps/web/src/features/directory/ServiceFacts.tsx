import type { ReactNode } from 'react';
import type { DirectoryService } from '../../lib/directoryApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { AvailabilityBadge } from './Badges';
import { areaText, costText, eligibilitySummary, referralPath } from './directoryValues';
import { childrenAnswer } from './serviceFormValues';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 sm:contents">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="mb-2 min-w-0 break-words text-slate-900 sm:mb-0">{children}</dd>
    </div>
  );
}

/** How to refer her: inside Senda, or the number to call or the address to write to. */
export function ReferralPath({ service }: { service: DirectoryService }) {
  const t = useT();
  const path = referralPath(service);
  if (path.method === 'senda') return <>{t('directory.referral.senda')}</>;
  return (
    <span className="flex flex-wrap items-center gap-x-2">
      <span>{t(path.method === 'phone' ? 'directory.referral.phone' : 'directory.referral.email')}</span>
      {path.href ? (
        <a href={path.href} className={`${buttonClass.link} break-all`}>
          {path.contact}
        </a>
      ) : (
        <span>—</span>
      )}
    </span>
  );
}

/**
 * What a referral turns on, as a list of terms: what it answers, who may use
 * it, languages, where, cost, availability and how to refer. `full` adds what
 * the service page shows besides (interpretation, schedule, response time,
 * how to apply, its own web page and e-mail).
 */
export function ServiceFacts({ service, full = false }: { service: DirectoryService; full?: boolean }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const eligibility = eligibilitySummary(service, {
    t,
    gender: (v) => label('genderIdentity', v),
    country: f.country,
    list: f.list,
  });
  const none = t('directory.notStated');
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
      <Fact term={t('directory.field.categories')}>
        {f.list(service.categories.map((c) => label('needDomain', c)))}
      </Fact>
      {eligibility.map((e) => (
        <Fact key={e.term} term={e.term}>
          {e.value}
        </Fact>
      ))}
      <Fact term={t('directory.field.accepts_children')}>
        {t(`directory.children.${childrenAnswer(service.accepts_children) || 'unknown'}`)}
      </Fact>
      {full && service.eligibility_description ? (
        <Fact term={t('directory.field.eligibility_description')}>
          <span className="whitespace-pre-wrap">{service.eligibility_description}</span>
        </Fact>
      ) : null}
      <Fact term={t('directory.field.languages')}>
        {service.languages.length ? f.list(service.languages.map(f.language)) : none}
      </Fact>
      {full && service.interpretation_services ? (
        <Fact term={t('directory.field.interpretation_services')}>{service.interpretation_services}</Fact>
      ) : null}
      <Fact term={t('directory.field.service_areas')}>
        {service.service_areas.length
          ? f.list(service.service_areas.map((a) => areaText(t, a, f.state)))
          : none}
      </Fact>
      <Fact term={t('directory.field.cost')}>{costText(t, service)}</Fact>
      <Fact term={t('directory.field.availability')}>
        <span className="flex flex-wrap items-center gap-2">
          <AvailabilityBadge availability={service.availability} />
          {service.capacity_available !== null ? (
            <span>{t('directory.capacity', { count: service.capacity_available })}</span>
          ) : null}
        </span>
      </Fact>
      <Fact term={t('directory.field.referral')}>
        <ReferralPath service={service} />
      </Fact>
      {full ? (
        <>
          <Fact term={t('directory.field.response_business_days')}>
            {t('directory.responseDays', { count: service.response_business_days })}
          </Fact>
          {service.schedule_description ? (
            <Fact term={t('directory.field.schedule_description')}>{service.schedule_description}</Fact>
          ) : null}
          {service.application_process ? (
            <Fact term={t('directory.field.application_process')}>
              <span className="whitespace-pre-wrap">{service.application_process}</span>
            </Fact>
          ) : null}
          {service.url ? (
            <Fact term={t('directory.field.url')}>
              <a href={service.url} className={`${buttonClass.link} break-all`} rel="noreferrer">
                {service.url}
              </a>
            </Fact>
          ) : null}
          {service.email ? (
            <Fact term={t('directory.field.email')}>
              <a href={`mailto:${service.email}`} className={`${buttonClass.link} break-all`}>
                {service.email}
              </a>
            </Fact>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}
