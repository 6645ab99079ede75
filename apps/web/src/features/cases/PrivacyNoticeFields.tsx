import { useEffect, useId, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { noticeLanguageFor, privacyNotice, todayInMexico, type caseCreateInput } from '@senda/domain';
import { CheckboxField, SelectField, TextField } from '../../components/forms';
import { useEnumOptions } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { useT } from '../../i18n/useT';
import type { CaseFormValues } from './caseForm';

type IntakeForm = UseFormReturn<CaseFormValues, unknown, z.output<typeof caseCreateInput>>;

/**
 * The privacy notice step of intake: the notice itself in the language she
 * is given it in (first her own language, until the worker picks one), how
 * it was given, the day, and her acceptance — without which no case opens.
 */
export function PrivacyNoticeFields({ form }: { form: IntakeForm }) {
  const t = useT();
  const id = useId();
  const session = useRequiredSession();
  const languages = useEnumOptions('noticeLanguage');
  const presentations = useEnumOptions('noticePresentation');
  const { register, setValue, control } = form;
  const errors = form.formState.errors.privacyNotice;
  const herLanguages = useWatch({ control, name: 'languages' });
  const language = useWatch({ control, name: 'privacyNotice.language' }) ?? 'es';
  const [picked, setPicked] = useState(false);

  // Her languages decide the notice's language until the worker chooses one herself.
  useEffect(() => {
    if (!picked) setValue('privacyNotice.language', noticeLanguageFor(herLanguages ?? []));
  }, [herLanguages, picked, setValue]);

  const notice = privacyNotice(language, session.organization.name);
  const titleId = `${id}-notice-title`;
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">{t('privacy.legend')}</legend>
      <p className="mb-4 text-slate-700">{t('privacy.intro')}</p>
      <SelectField
        className="mb-4 max-w-md"
        label={t('privacy.field.language')}
        hint={t('privacy.field.languageHint')}
        required
        options={languages}
        registration={register('privacyNotice.language', {
          onChange: () => setPicked(true),
        })}
        error={errors?.language}
      />
      <div
        role="region"
        aria-labelledby={titleId}
        // A scrolling text must be reachable (and scrolled) by keyboard: the region takes the focus.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        lang={language}
        className="mb-4 max-h-96 overflow-y-auto rounded-md border border-slate-400 bg-slate-50 p-4 text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <h2 id={titleId} className="mb-3 text-lg font-semibold break-words">
          {notice.title}
        </h2>
        {notice.sections.map((section) => (
          <div key={section.heading} className="mb-3">
            <h3 className="mb-1 font-semibold break-words">{section.heading}</h3>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph} className="mb-2 break-words">
                {paragraph}
              </p>
            ))}
          </div>
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('privacy.field.presentedHow')}
          required
          options={presentations}
          emptyLabel={t('form.choose')}
          registration={register('privacyNotice.presentedHow')}
          error={errors?.presentedHow}
        />
        <TextField
          label={t('privacy.field.acceptedOn')}
          type="date"
          required
          max={todayInMexico()}
          registration={register('privacyNotice.acceptedOn')}
          error={errors?.acceptedOn}
        />
        <CheckboxField
          className="md:col-span-2"
          label={`${t('privacy.field.accepted')} (${t('form.required')})`}
          hint={t('privacy.field.acceptedHint')}
          registration={register('privacyNotice.accepted')}
          error={errors?.accepted}
        />
      </div>
    </fieldset>
  );
}
