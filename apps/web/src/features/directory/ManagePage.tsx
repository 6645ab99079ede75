import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { directoryApi, type DirectoryOrganization } from '../../lib/directoryApi';
import { useReturnFocus } from '../../lib/focus';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { ConfirmDialog } from '../../components/Dialogs';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { NoDirectoryAccess } from './DirectoryPage';
import { canManageDirectory, parseManageSearch } from './directoryValues';
import { EntryPanel } from './EntryPanel';
import { ExchangeSection } from './ExchangeSection';
import { ManageContext, type DeleteTarget, type ManageContextValue } from './manageContext';
import { OrganizationForm, type OrganizationFormOutcome } from './OrganizationForm';
import { useDirectoryMutation, useDirectoryOrganizations } from './useDirectory';

const DELETE_TEXTS: Record<
  DeleteTarget['kind'],
  { title: MessageKey; body: MessageKey; confirm: MessageKey; done: MessageKey }
> = {
  service: {
    title: 'directory.service.deleteTitle',
    body: 'directory.service.deleteBody',
    confirm: 'directory.delete',
    done: 'directory.service.deleted',
  },
  location: {
    title: 'directory.location.deleteTitle',
    body: 'directory.location.deleteBody',
    confirm: 'directory.delete',
    done: 'directory.location.deleted',
  },
  access: {
    title: 'directory.access.removeTitle',
    body: 'directory.access.removeBody',
    confirm: 'directory.access.remove',
    done: 'directory.access.removed',
  },
};

export function ManagePage() {
  const session = useRequiredSession();
  if (!canManageDirectory(session.user.role)) return <NoDirectoryAccess />;
  return <ManageView />;
}

/**
 * "Our directory entries": her organization's own entry (created on the
 * first save) and those of organizations outside Senda it keeps, each with
 * its locations and services. One entry is open at a time (in the URL).
 */
function ManageView() {
  const t = useT();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const orgs = useDirectoryOrganizations();
  const { entry } = parseManageSearch(useSearch({ strict: false }));
  const [announcement, setAnnouncement] = useState('');
  const [creating, setCreating] = useState<'own' | 'new' | null>(null);
  const { target: createButton, returnFocus } = useReturnFocus(creating !== null);
  const [removing, setRemoving] = useState<DeleteTarget | null>(null);
  const focusAfterDelete = useRef<(() => void) | null>(null);
  const focusEntry = useRef<string | null>(null);

  const remove = useDirectoryMutation(
    (target: DeleteTarget) =>
      target.kind === 'service'
        ? directoryApi.deleteService(target.id)
        : target.kind === 'location'
          ? directoryApi.deleteLocation(target.id)
          : directoryApi.revokeAccess(target.locationId, target.userId),
    {
      onSuccess: (_, target) => {
        focusAfterDelete.current = target.focusAfter;
        setRemoving(null);
        setAnnouncement(t(DELETE_TEXTS[target.kind].done, { name: target.title }));
      },
    },
  );
  // Once the dialog is gone (and what was deleted with it), the focus goes where the item said.
  useEffect(() => {
    if (removing === null && focusAfterDelete.current) {
      focusAfterDelete.current();
      focusAfterDelete.current = null;
    }
  }, [removing]);
  // A new entry opens below: its heading takes the focus once it is there.
  useEffect(() => {
    if (!focusEntry.current) return;
    const heading = document.getElementById(`entry-${focusEntry.current}`);
    if (heading) {
      heading.focus();
      focusEntry.current = null;
    }
  });

  const resetRemove = remove.reset;
  const context = useMemo<ManageContextValue>(
    () => ({
      announce: setAnnouncement,
      confirmDelete: (target) => {
        setAnnouncement('');
        resetRemove();
        setRemoving(target);
      },
    }),
    [resetRemove],
  );

  const all = orgs.data ?? [];
  const own = all.find((o) => o.is_own && o.can_edit) ?? null;
  const entries = [...(own ? [own] : []), ...all.filter((o) => o.can_edit && !o.is_own)];
  const selected = entries.find((e) => e.id === entry) ?? entries[0] ?? null;
  const created = (outcome: OrganizationFormOutcome) => {
    if (typeof outcome !== 'object') returnFocus();
    setCreating(null);
    if (typeof outcome !== 'object') return;
    setAnnouncement(t('directory.org.created', { name: outcome.name }));
    focusEntry.current = outcome.id;
    void navigate({ to: '/directory/manage', search: { entry: outcome.id }, replace: true });
  };
  const texts = removing ? DELETE_TEXTS[removing.kind] : null;

  return (
    <ManageContext.Provider value={context}>
      <div className="max-w-5xl space-y-6">
        <div>
          <Link to="/directory" className={buttonClass.link}>
            <span aria-hidden="true">←&nbsp;</span>
            {t('directory.backToSearch')}
          </Link>
          <PageHeading className="mt-2">{t('directory.manage.title')}</PageHeading>
          <p className="mt-2 max-w-3xl text-slate-800">{t('directory.manage.intro')}</p>
        </div>
        <p role="status" className={announcement ? 'font-medium text-emerald-900' : 'sr-only'}>
          {announcement}
        </p>
        {orgs.isPending ? (
          <p role="status" className="text-slate-800">
            {t('common.loading')}
          </p>
        ) : null}
        {orgs.isError ? <FormError error={orgs.error} /> : null}
        {orgs.isSuccess ? (
          <section aria-labelledby="entries-heading" className={cx(cardClass, 'space-y-4')}>
            <h2 id="entries-heading" className="text-xl font-semibold text-slate-900">
              {t('directory.manage.entries')}
            </h2>
            {!own ? <p className="text-slate-800">{t('directory.manage.noOwnEntry')}</p> : null}
            {entries.length > 0 ? <EntryList entries={entries} selected={selected} /> : null}
            {creating ? (
              <OrganizationForm
                mode={creating}
                defaultName={creating === 'own' ? session.organization.name : ''}
                onDone={created}
              />
            ) : (
              <div className="flex flex-wrap gap-3">
                {!own ? (
                  <button
                    ref={createButton}
                    type="button"
                    className={buttonClass.primary}
                    onClick={() => {
                      setAnnouncement('');
                      setCreating('own');
                    }}
                  >
                    {t('directory.org.createOwn')}
                  </button>
                ) : null}
                <button
                  ref={own ? createButton : undefined}
                  type="button"
                  className={buttonClass.secondary}
                  onClick={() => {
                    setAnnouncement('');
                    setCreating('new');
                  }}
                >
                  {t('directory.org.add')}
                </button>
              </div>
            )}
          </section>
        ) : null}
        {selected ? <EntryPanel key={selected.id} org={selected} /> : null}
        <ExchangeSection />
      </div>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={texts ? t(texts.title) : ''}
        body={removing && texts ? t(texts.body, { name: removing.title }) : null}
        confirmLabel={texts ? t(texts.confirm) : ''}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
        pending={remove.isPending}
        error={
          remove.isError ? (
            <div className="mt-4">
              <FormError error={remove.error} />
            </div>
          ) : null
        }
      />
    </ManageContext.Provider>
  );
}

/** The entries she keeps, one of them open. */
function EntryList({
  entries,
  selected,
}: {
  entries: readonly DirectoryOrganization[];
  selected: DirectoryOrganization | null;
}) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('directory.manage.entries')}>
      {entries.map((org) => {
        const current = selected?.id === org.id;
        return (
          <li key={org.id} className="max-w-full">
            <Link
              to="/directory/manage"
              search={{ entry: org.id }}
              replace
              aria-current={current ? 'true' : undefined}
              className={cx(
                'inline-flex min-h-11 max-w-full items-center rounded-md border px-3 py-2 break-words focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500',
                current
                  ? 'border-teal-800 bg-teal-800 font-semibold text-white'
                  : 'border-slate-500 bg-white text-teal-900 underline underline-offset-2 hover:bg-slate-100',
              )}
            >
              {org.is_own ? t('directory.manage.ownEntry', { name: org.name }) : org.name}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
