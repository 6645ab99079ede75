/**
 * The interface catalogues stay complete and well-formed: every language has
 * every key, every domain enum value and error code has its label, every
 * message is valid ICU and uses the same placeholders as the Spanish one.
 */
import { describe, expect, it } from 'vitest';
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import {
  AUTHORITIES,
  DEADLINE_STATUSES,
  DEFAULT_DEADLINE_RULES,
  ERROR_CODES,
  FIELD_ERROR_CODES,
  HOLIDAY_NAMES,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_WARNING_CODES,
  UI_LOCALES,
} from '@senda/domain';
import { ENUM_GROUPS } from './enums';
import { WEB_FIELD_ERROR_CODES } from './useT';
import es from './es.json';
import en from './en.json';
import fr from './fr.json';
import ht from './ht.json';
import pt from './pt.json';

const catalogues: Record<string, Record<string, string>> = { es, en, fr, ht, pt };

/** Placeholder names used by a message, and plural branches used (for the `ht` rule). */
function inspect(elements: MessageFormatElement[], args = new Set<string>(), pluralKeys = new Set<string>()) {
  for (const el of elements) {
    if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el))
      args.add(el.value);
    if (isTagElement(el)) inspect(el.children, args, pluralKeys);
    if (isSelectElement(el) || isPluralElement(el)) {
      args.add(el.value);
      for (const [key, option] of Object.entries(el.options)) {
        if (isPluralElement(el)) pluralKeys.add(key);
        inspect(option.value, args, pluralKeys);
      }
    }
  }
  return { args, pluralKeys };
}

describe('interface catalogues', () => {
  it('exist for every interface language', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...UI_LOCALES].sort());
  });

  const allKeys = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));

  for (const [locale, catalogue] of Object.entries(catalogues)) {
    it(`${locale} has every key found in any catalogue`, () => {
      const missing = [...allKeys].filter((k) => !(k in catalogue));
      expect(missing).toEqual([]);
    });

    it(`${locale} labels every enum value, field error and API error of the domain`, () => {
      const required = [
        ...Object.entries(ENUM_GROUPS).flatMap(([group, values]) =>
          (values as readonly string[]).map((v) => `enum.${group}.${v}`),
        ),
        ...FIELD_ERROR_CODES.map((c) => `field.${c}`),
        ...WEB_FIELD_ERROR_CODES.map((c) => `field.${c}`),
        ...ERROR_CODES.map((c) => `error.${c}`),
      ];
      expect(required.filter((k) => !(k in catalogue))).toEqual([]);
    });

    it(`${locale} labels every procedure event, deadline rule and status, warning, authority and holiday`, () => {
      const required = [
        ...PROCEDURE_EVENT_TYPES.map((v) => `enum.eventType.${v}`),
        ...DEFAULT_DEADLINE_RULES.map((r) => `enum.rule.${r.code}`),
        ...DEADLINE_STATUSES.map((v) => `enum.deadlineStatus.${v}`),
        ...PROCEDURE_WARNING_CODES.map((v) => `enum.warning.${v}`),
        ...AUTHORITIES.map((v) => `enum.authority.${v}`),
        ...Object.keys(HOLIDAY_NAMES).map((v) => `enum.holiday.${v}`),
      ];
      expect(required.filter((k) => !(k in catalogue))).toEqual([]);
    });

    it(`${locale} messages are non-empty valid ICU with the same placeholders as Spanish`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(catalogue)) {
        if (message.trim() === '') {
          problems.push(`${key}: empty`);
          continue;
        }
        let ast: MessageFormatElement[];
        try {
          ast = parse(message);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const { args, pluralKeys } = inspect(ast);
        const reference = (es as Record<string, string>)[key];
        if (reference !== undefined) {
          const expected = [...inspect(parse(reference)).args].sort();
          if (JSON.stringify([...args].sort()) !== JSON.stringify(expected))
            problems.push(`${key}: placeholders ${[...args].sort().join(',')} ≠ ${expected.join(',')}`);
        }
        // Haitian Creole has no CLDR plural data: only `other` (and exact =N) branches work.
        if (locale === 'ht') {
          const bad = [...pluralKeys].filter((k) => k !== 'other' && !k.startsWith('='));
          if (bad.length) problems.push(`${key}: plural branches ${bad.join(',')} in ht`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
