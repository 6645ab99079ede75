import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CASE_ROLES_ON_CASE } from '@senda/domain';
import { api, type CaseDetail, type StaffMember } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

type RoleOnCase = StaffMember['roleOnCase'];

/** A sensible role on the case for each staff role (the user can change it). */
function defaultRoleOnCase(role: string): RoleOnCase {
  if (role === 'lawyer' || role === 'psychologist' || role === 'social_worker' || role === 'intake')
    return role;
  return 'support';
}

export function StaffSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const canAssign = detail.abilities.assign;

  const setStaff = (items: StaffMember[]) => {
    queryClient.setQueryData<CaseDetail>(queryKeys.case(detail.id), (old) =>
      old ? { ...old, staff: items } : old,
    );
  };

  const unassign = useMutation({
    mutationFn: (member: StaffMember) => api.unassignStaff(detail.id, member.userId),
    onSuccess: async (_data, member) => {
      setStaff(detail.staff.filter((s) => s.userId !== member.userId));
      setAnnouncement(t('staff.removed', { name: member.displayName }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.case(detail.id) });
    },
  });

  return (
    <section aria-labelledby="staff-heading" className={cardClass}>
      <h2 id="staff-heading" className="mb-4 text-xl font-semibold text-slate-900">
        {t('staff.title')}
      </h2>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {detail.staff.length === 0 ? <p className="mb-4 text-slate-800">{t('staff.none')}</p> : null}
      <ul className="divide-y divide-slate-200">
        {detail.staff.map((s) => (
          <li key={s.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-semibold text-slate-900">{s.displayName}</p>
              <p className="text-sm text-slate-800">
                {t('staff.roles', {
                  role: label('role', s.role),
                  roleOnCase: label('roleOnCase', s.roleOnCase),
                })}
                {' · '}
                {t('staff.since', { date: f.dateTime(s.assignedAt) })}
              </p>
            </div>
            {canAssign ? (
              <button
                type="button"
                className={buttonClass.secondary}
                disabled={unassign.isPending}
                aria-label={t('staff.removeOne', { name: s.displayName })}
                onClick={() => {
                  setAnnouncement('');
                  unassign.mutate(s);
                }}
              >
                {t('common.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {unassign.isError ? <FormError error={unassign.error} /> : null}
      {canAssign ? (
        <AssignForm detail={detail} onAssigned={(name) => setAnnouncement(t('staff.added', { name }))} />
      ) : null}
    </section>
  );
}

function AssignForm({ detail, onAssigned }: { detail: CaseDetail; onAssigned: (name: string) => void }) {
  const t = useT();
  const id = useId();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const roles = useEnumOptions('roleOnCase');
  const [userId, setUserId] = useState('');
  const [roleOnCase, setRoleOnCase] = useState<RoleOnCase | ''>('');
  const [missing, setMissing] = useState(false);

  const staff = useQuery({ queryKey: queryKeys.staff, queryFn: ({ signal }) => api.listStaff(signal) });
  const assigned = new Set(detail.staff.map((s) => s.userId));
  const candidates = (staff.data ?? []).filter((s) => !assigned.has(s.id));

  const assign = useMutation({
    mutationFn: (input: { userId: string; roleOnCase: RoleOnCase }) =>
      api.assignStaff(detail.id, input.userId, input.roleOnCase),
    onSuccess: async (items, input) => {
      queryClient.setQueryData<CaseDetail>(queryKeys.case(detail.id), (old) =>
        old ? { ...old, staff: items } : old,
      );
      const person = candidates.find((c) => c.id === input.userId);
      onAssigned(person?.displayName ?? '');
      setUserId('');
      setRoleOnCase('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.case(detail.id) });
    },
  });

  return (
    <form
      className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!userId || !roleOnCase) {
          setMissing(true);
          return;
        }
        setMissing(false);
        assign.mutate({ userId, roleOnCase });
      }}
    >
      <h3 id={`${id}-title`} className="mb-3 font-semibold text-slate-900">
        {t('staff.assignTitle')}
      </h3>
      {staff.isError ? <FormError error={staff.error} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-person`} className="mb-1 block font-medium text-slate-900">
            {t('staff.person')}
          </label>
          <select
            id={`${id}-person`}
            className={cx(inputClass, missing && !userId && 'border-red-700')}
            value={userId}
            aria-invalid={missing && !userId ? true : undefined}
            aria-describedby={missing && !userId ? `${id}-person-error` : undefined}
            onChange={(e) => {
              setUserId(e.target.value);
              const person = candidates.find((c) => c.id === e.target.value);
              if (person && !roleOnCase) setRoleOnCase(defaultRoleOnCase(person.role));
            }}
          >
            <option value="">{staff.isPending ? t('common.loading') : t('form.choose')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName} ({label('role', c.role)})
              </option>
            ))}
          </select>
          {missing && !userId ? (
            <p id={`${id}-person-error`} className="mt-1 text-sm font-medium text-red-800">
              {t('field.required')}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="mb-1 block font-medium text-slate-900">
            {t('staff.roleOnCase')}
          </label>
          <select
            id={`${id}-role`}
            className={cx(inputClass, missing && !roleOnCase && 'border-red-700')}
            value={roleOnCase}
            aria-invalid={missing && !roleOnCase ? true : undefined}
            aria-describedby={missing && !roleOnCase ? `${id}-role-error` : undefined}
            onChange={(e) => {
              const value = CASE_ROLES_ON_CASE.find((r) => r === e.target.value);
              setRoleOnCase(value ?? '');
            }}
          >
            <option value="">{t('form.choose')}</option>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          {missing && !roleOnCase ? (
            <p id={`${id}-role-error`} className="mt-1 text-sm font-medium text-red-800">
              {t('field.required')}
            </p>
          ) : null}
        </div>
      </div>
      {assign.isError ? (
        <div className="mt-3">
          <FormError error={assign.error} />
        </div>
      ) : null}
      <button type="submit" className={cx(buttonClass.primary, 'mt-4')} disabled={assign.isPending}>
        {assign.isPending ? t('common.saving') : t('staff.assign')}
      </button>
    </form>
  );
}
