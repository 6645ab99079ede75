import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import {
  familyMemberInput,
  type FamilyMemberInput,
  type FieldError as DomainFieldError,
} from '@senda/domain';
import { api, isApiError, type CaseDetail, type FamilyMember } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { emptyMember } from './caseForm';
import { MemberFields } from './MemberFields';

type MemberOutput = z.output<typeof familyMemberInput>;
const MEMBER_FIELDS = new Set(Object.keys(familyMemberInput.shape));

function memberName(m: Pick<FamilyMember, 'givenNames' | 'familyNames'>): string {
  return [m.givenNames, m.familyNames].filter(Boolean).join(' ');
}

export function FamilySection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const canEdit = detail.abilities.update;
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<FamilyMember | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.case(detail.id), exact: true });
    await queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] });
  };

  const remove = useMutation({
    mutationFn: (member: FamilyMember) => api.removeMember(detail.id, member.id),
    onSuccess: async (_data, member) => {
      setRemoving(null);
      setAnnouncement(t('family.removed', { name: memberName(member) }));
      await refresh();
      addButton.current?.focus();
    },
  });

  return (
    <section aria-labelledby="family-heading" className={cardClass}>
      <h2 id="family-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('family.title')}
      </h2>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {detail.familyMembers.length === 0 ? <p className="mb-4 text-slate-800">{t('family.none')}</p> : null}
      <ul className="space-y-3">
        {detail.familyMembers.map((m) => (
          <li key={m.id} className="rounded-md border border-slate-300 p-4">
            {editingId === m.id ? (
              <MemberForm
                caseId={detail.id}
                member={m}
                onDone={async (message) => {
                  setEditingId(null);
                  if (message) {
                    setAnnouncement(message);
                    await refresh();
                  }
                }}
              />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-semibold break-words text-slate-900">{memberName(m)}</p>
                  <p className="text-slate-800">
                    {label('relationship', m.relationship)} · {label('sex', m.sex)} ·{' '}
                    {m.birthDate
                      ? t('family.born', { date: f.date(m.birthDate) })
                      : m.estimatedAge !== null
                        ? t('family.age', { age: m.estimatedAge })
                        : t('family.ageUnknown')}
                  </p>
                </div>
                {canEdit ? (
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      aria-label={t('family.editOne', { name: memberName(m) })}
                      onClick={() => {
                        setAnnouncement('');
                        setEditingId(m.id);
                      }}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      aria-label={t('family.removeOne', { name: memberName(m) })}
                      onClick={() => setRemoving(m)}
                    >
                      {t('common.remove')}
                    </button>
                  </div>
                ) : null}
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit ? (
        adding ? (
          <div className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-4">
            <h3 className="mb-3 font-semibold text-slate-900">{t('family.addTitle')}</h3>
            <MemberForm
              caseId={detail.id}
              onDone={async (message) => {
                setAdding(false);
                if (message) {
                  setAnnouncement(message);
                  await refresh();
                }
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          </div>
        ) : (
          <button
            ref={addButton}
            type="button"
            className={cx(buttonClass.secondary, 'mt-4')}
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            {t('family.add')}
          </button>
        )
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('family.removeConfirm.title')}
        body={t('family.removeConfirm.body', { name: removing ? memberName(removing) : '' })}
        confirmLabel={t('common.remove')}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
      />
    </section>
  );
}

function MemberForm({
  caseId,
  member,
  onDone,
}: {
  caseId: string;
  member?: FamilyMember;
  onDone: (message: string | null) => void | Promise<void>;
}) {
  const t = useT();
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<FamilyMemberInput, unknown, MemberOutput>({
    resolver: zodResolver(familyMemberInput, zodErrorMap),
    defaultValues: member
      ? {
          relationship: member.relationship,
          givenNames: member.givenNames,
          familyNames: member.familyNames,
          birthDate: member.birthDate,
          estimatedAge: member.estimatedAge,
          sex: member.sex,
        }
      : emptyMember(),
  });
  const errors = form.formState.errors;

  const save = useMutation({
    mutationFn: (values: MemberOutput) =>
      member ? api.updateMember(caseId, member.id, values) : api.addMember(caseId, values),
    onSuccess: async (saved) =>
      onDone(
        member
          ? t('family.updated', { name: memberName(saved) })
          : t('family.added', { name: memberName(saved) }),
      ),
    onError: (error) => {
      setOtherErrors(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, form.setError, (p) => MEMBER_FIELDS.has(p))
          : [],
      );
    },
  });

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        // This form may sit inside the page next to other forms: keep the event here.
        event.stopPropagation();
        void form.handleSubmit((values) => save.mutate(values))(event);
      }}
    >
      <MemberFields reg={(key, options) => form.register(key, options)} err={(key) => errors[key]} />
      {save.isError ? <FormError error={save.error} extraFields={otherErrors} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : member ? t('common.save') : t('family.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => void onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
