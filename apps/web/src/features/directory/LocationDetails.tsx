import type { DirectoryLocation } from '../../lib/directoryApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ConfidentialBadge } from './Badges';
import { telHref } from './directoryValues';

/** City and state: all that everyone may know of a confidential location. */
export function usePlaceText(): (location: Pick<DirectoryLocation, 'city' | 'state_province'>) => string {
  const f = useFormatters();
  return (location) =>
    [location.city, location.state_province ? f.state(location.state_province) : '']
      .filter(Boolean)
      .join(', ');
}

/**
 * One location of a service. A confidential location out of her reach says
 * so clearly, with the contact path it gives instead and its city and state
 * only; otherwise its address and phone (for a confidential one, with a
 * reminder not to pass them on).
 */
export function LocationDetails({
  location,
  heading: Heading = 'p',
  headingId,
}: {
  location: DirectoryLocation;
  /** The id of its name (to label the element around it). */
  headingId?: string;
  /** The name's element: a heading on the service page, plain text in a card. */
  heading?: 'p' | 'h3' | 'h4';
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const place = usePlaceText()(location);
  const hidden = location.confidential && location.details_hidden;
  const street = [location.address_1, location.address_2].filter(Boolean).join(', ');
  return (
    <div
      className={cx(
        'rounded-md border p-3',
        location.confidential ? 'border-amber-700 bg-amber-50' : 'border-slate-300 bg-white',
      )}
    >
      <Heading
        id={headingId}
        className="flex flex-wrap items-center gap-2 font-semibold break-words text-slate-900"
      >
        <span>{location.name}</span>
        {location.confidential ? <ConfidentialBadge /> : null}
        {location.location_type !== 'physical' ? (
          <span className="text-sm font-normal text-slate-700">
            {label('locationType', location.location_type)}
          </span>
        ) : null}
      </Heading>
      {hidden ? (
        <div className="mt-1 space-y-1 text-slate-900">
          <p>{t('directory.location.hiddenNotice')}</p>
          <p className="font-medium break-words">
            {t('directory.location.contactPath', { contact: location.confidential_contact })}
          </p>
          {place ? <p>{place}</p> : null}
        </div>
      ) : (
        <div className="mt-1 space-y-1 text-slate-900">
          {location.confidential ? (
            <p className="text-sm text-amber-950">{t('directory.location.shownNotice')}</p>
          ) : null}
          {street ? <p className="break-words">{street}</p> : null}
          <p className="break-words">{[place, location.postal_code].filter(Boolean).join(' · ') || null}</p>
          {location.phone ? (
            <p className="flex flex-wrap items-center gap-x-2">
              <span>{t('directory.location.phone')}</span>
              <a href={telHref(location.phone)} className={buttonClass.link}>
                {location.phone}
              </a>
            </p>
          ) : null}
          {location.confidential && location.confidential_contact ? (
            <p className="text-sm break-words">
              {t('directory.location.contactPath', { contact: location.confidential_contact })}
            </p>
          ) : null}
          {location.country !== 'MX' ? <p className="text-sm">{f.country(location.country)}</p> : null}
        </div>
      )}
      {location.description ? (
        <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-800">{location.description}</p>
      ) : null}
    </div>
  );
}
