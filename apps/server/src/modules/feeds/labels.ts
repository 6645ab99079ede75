/**
 * Deadline names for calendar apps, which cannot use the web app's
 * catalogues. Spanish for `es`, English otherwise; unknown rule codes fall
 * back to the code. Never a name of a person: events carry the case code.
 */
const LABELS: Record<string, { es: string; en: string }> = {
  application_window: {
    es: 'Plazo para solicitar refugio (30 días hábiles)',
    en: 'Asylum application window (30 business days)',
  },
  ratification: {
    es: 'Ratificación de la solicitud (3 días hábiles)',
    en: 'Ratification of the application (3 business days)',
  },
  comar_resolution: { es: 'Plazo de COMAR para resolver', en: 'COMAR decision period' },
  withdrawal_ratification: { es: 'Ratificación del desistimiento', en: 'Ratification of the withdrawal' },
  curp_temporal_renewal: { es: 'Renovar la CURP temporal', en: 'Renew the temporary CURP' },
  curp_temporal_expiry: { es: 'Vence la CURP temporal', en: 'Temporary CURP expires' },
  next_signing: { es: 'Próxima firma', en: 'Next signing' },
  revision: { es: 'Recurso de revisión (15 días hábiles)', en: 'Administrative appeal (15 business days)' },
  nulidad: { es: 'Juicio de nulidad (30 días hábiles)', en: 'Nullity suit (30 business days)' },
  amparo: { es: 'Amparo (15 días hábiles)', en: 'Amparo (15 business days)' },
  nulidad_after_revision: { es: 'Juicio de nulidad tras la revisión', en: 'Nullity suit after the appeal' },
  amparo_after_revision: { es: 'Amparo tras la revisión', en: 'Amparo after the appeal' },
};

export function deadlineLabel(ruleCode: string, locale: string): string {
  const label = LABELS[ruleCode];
  if (!label) return ruleCode;
  return locale === 'es' ? label.es : label.en;
}
