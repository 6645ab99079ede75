import { NOTE_CLASSES } from '@senda/domain';
import type { EnumGroup } from '../../i18n/enums';
import type { MessageKey } from '../../i18n/catalogues';
import type { Formatters } from '../../lib/format';

/** Profile fields, in the order the case page shows them, with how to show each value. */
type Kind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'bool' }
  | { kind: 'state' }
  | { kind: 'countries' }
  | { kind: 'languages' }
  | { kind: 'enum'; group: EnumGroup }
  | { kind: 'enums'; group: EnumGroup };

export const FIELD_KINDS: Record<string, Kind> = {
  givenNames: { kind: 'text' },
  familyNames: { kind: 'text' },
  preferredName: { kind: 'text' },
  birthDate: { kind: 'date' },
  estimatedAge: { kind: 'number' },
  genderIdentity: { kind: 'enum', group: 'genderIdentity' },
  nationalities: { kind: 'countries' },
  languages: { kind: 'languages' },
  needsInterpreter: { kind: 'bool' },
  entryDate: { kind: 'date' },
  entryPlace: { kind: 'text' },
  state: { kind: 'state' },
  municipality: { kind: 'text' },
  contactMethod: { kind: 'enum', group: 'contactMethod' },
  contactDetails: { kind: 'text' },
  mayLeaveMessage: { kind: 'bool' },
  pregnant: { kind: 'bool' },
  disability: { kind: 'bool' },
  indigenous: { kind: 'bool' },
  lgbtiq: { kind: 'bool' },
  vulnerabilities: { kind: 'enums', group: 'vulnerability' },
  documents: { kind: 'enums', group: 'document' },
  referralSource: { kind: 'enum', group: 'referralSource' },
  status: { kind: 'enum', group: 'status' },
  closureReason: { kind: 'enum', group: 'closureReason' },
  step: { kind: 'enum', group: 'step' },
};

export const PROFILE_GROUPS: { legend: MessageKey; fields: string[] }[] = [
  {
    legend: 'case.section.identity',
    fields: ['givenNames', 'familyNames', 'preferredName', 'genderIdentity', 'birthDate', 'estimatedAge'],
  },
  { legend: 'case.section.nationality', fields: ['nationalities', 'languages', 'needsInterpreter'] },
  { legend: 'case.section.arrival', fields: ['entryDate', 'entryPlace'] },
  {
    legend: 'case.section.location',
    fields: ['state', 'municipality', 'contactMethod', 'contactDetails', 'mayLeaveMessage'],
  },
  {
    legend: 'case.section.vulnerabilities',
    fields: ['pregnant', 'disability', 'indigenous', 'lgbtiq', 'vulnerabilities'],
  },
  { legend: 'case.section.documents', fields: ['documents', 'referralSource'] },
];

/** Show a stored value of a case field in the user's language. */
export function formatFieldValue(
  field: string,
  value: unknown,
  f: Formatters,
  t: (id: MessageKey) => string,
  enumLabel: (group: EnumGroup, value: string) => string,
): string {
  const kind = FIELD_KINDS[field] ?? { kind: 'text' };
  if (value === null || value === undefined || value === '') return '—';
  const strings = Array.isArray(value) ? value.map(asText) : [];
  switch (kind.kind) {
    case 'bool':
      return value === true ? t('common.yes') : value === false ? t('common.no') : asText(value);
    case 'date':
      return f.date(asText(value));
    case 'number':
      return typeof value === 'number' ? f.number(value) : asText(value);
    case 'state':
      return f.state(asText(value));
    case 'countries':
      return f.list(strings.map((c) => f.country(c)));
    case 'languages':
      return f.list(strings.map((c) => f.language(c)));
    case 'enum':
      return enumLabel(kind.group, asText(value));
    case 'enums':
      return f.list(strings.map((v) => enumLabel(kind.group, v)));
    case 'text':
      return asText(value);
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const MEMBER_ONLY_FIELDS = new Set(['relationship', 'sex']);
const NOTE_CLASS_NAMES = new Set<string>(NOTE_CLASSES);

/** The catalogue key of a field's label (as named in audit entries), if the interface knows it. */
export function fieldLabelKey(field: string): MessageKey | undefined {
  if (field in FIELD_KINDS || field === 'familyMembers' || field === 'privacyNotice')
    return `case.field.${field}` as MessageKey;
  if (MEMBER_ONLY_FIELDS.has(field)) return `member.field.${field}` as MessageKey;
  if (NOTE_CLASS_NAMES.has(field)) return `enum.noteClass.${field}` as MessageKey;
  return undefined;
}
