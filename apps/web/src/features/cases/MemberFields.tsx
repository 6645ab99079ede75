import type { FieldError, RegisterOptions, UseFormRegisterReturn } from 'react-hook-form';
import { todayInMexico, type FamilyMemberInput } from '@senda/domain';
import { SelectField, TextField } from '../../components/forms';
import { useEnumOptions } from '../../lib/options';
import { useT } from '../../i18n/useT';
import { emptyToNull, toAge } from './caseForm';

export type MemberKey = keyof FamilyMemberInput;

/**
 * The fields of one family member. The caller binds them to its form: the
 * intake form's field array (`familyMembers.N.*`) or the case page's own form.
 */
export function MemberFields({
  reg,
  err,
}: {
  reg: (key: MemberKey, options?: Pick<RegisterOptions, 'setValueAs'>) => UseFormRegisterReturn;
  err: (key: MemberKey) => FieldError | undefined;
}) {
  const t = useT();
  const relationships = useEnumOptions('relationship');
  const sexes = useEnumOptions('sex');
  const choose = t('form.choose');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SelectField
        label={t('member.field.relationship')}
        required
        options={relationships}
        emptyLabel={choose}
        registration={reg('relationship')}
        error={err('relationship')}
      />
      <SelectField
        label={t('member.field.sex')}
        required
        options={sexes}
        emptyLabel={choose}
        registration={reg('sex')}
        error={err('sex')}
      />
      <TextField
        label={t('member.field.givenNames')}
        required
        registration={reg('givenNames')}
        error={err('givenNames')}
      />
      <TextField
        label={t('member.field.familyNames')}
        registration={reg('familyNames')}
        error={err('familyNames')}
      />
      <TextField
        label={t('member.field.birthDate')}
        type="date"
        max={todayInMexico()}
        registration={reg('birthDate', { setValueAs: emptyToNull })}
        error={err('birthDate')}
      />
      <TextField
        label={t('member.field.estimatedAge')}
        hint={t('case.hint.estimatedAge')}
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        registration={reg('estimatedAge', { setValueAs: toAge })}
        error={err('estimatedAge')}
      />
    </div>
  );
}
