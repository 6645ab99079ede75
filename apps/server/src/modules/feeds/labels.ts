/**
 * Deadline names for calendar apps, which cannot use the web app's
 * catalogues. Spanish for `es`, English otherwise; unknown rule codes fall
 * back to the rule's own name, then the code. Periods are not in the names:
 * an admin may change them. Never a name of a person: events carry the case code.
 */
const LABELS: Record<string, { es: string; en: string }> = {
  application_window: {
    es: 'Plazo para solicitar refugio',
    en: 'Asylum application window',
  },
  ratification: {
    es: 'Ratificación de la solicitud',
    en: 'Ratification of the application',
  },
  comar_resolution: { es: 'Plazo de COMAR para resolver', en: 'COMAR decision period' },
  withdrawal_ratification: { es: 'Ratificación del desistimiento', en: 'Ratification of the withdrawal' },
  curp_temporal_renewal: { es: 'Renovar la CURP temporal', en: 'Renew the temporary CURP' },
  curp_temporal_expiry: { es: 'Vence la CURP temporal', en: 'Temporary CURP expires' },
  next_signing: { es: 'Próxima firma', en: 'Next signing' },
  revision: { es: 'Recurso de revisión', en: 'Administrative appeal' },
  nulidad: { es: 'Juicio de nulidad', en: 'Nullity suit' },
  amparo: { es: 'Amparo', en: 'Amparo' },
  nulidad_after_revision: { es: 'Juicio de nulidad tras la revisión', en: 'Nullity suit after the appeal' },
  amparo_after_revision: { es: 'Amparo tras la revisión', en: 'Amparo after the appeal' },
};

export function deadlineLabel(ruleCode: string, locale: string, ruleName?: string | null): string {
  const label = LABELS[ruleCode];
  if (!label) return ruleName ?? ruleCode;
  return locale === 'es' ? label.es : label.en;
}
