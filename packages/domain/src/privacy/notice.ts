/**
 * The privacy notice (aviso de privacidad, LFPDPPP 2025) is shown to her at
 * intake in her language, and her acceptance is recorded with the notice's
 * version, the language it was given in and how it was given (she read it,
 * it was read to her, or it was interpreted). It separates the purposes
 * needed to serve her from the optional ones, each asked for separately as a
 * consent record.
 *
 * The text (notice-text.ts) was written by the developers from the domain
 * brief; the clinic's lawyer must review it before use.
 */
import { z } from 'zod';
import { isoDate, notInFuture } from '../common.js';
import { PRIVACY_NOTICE_TEXTS } from './notice-text.js';

/** Changes whenever the text changes in substance: each acceptance keeps the version she was shown. */
export const PRIVACY_NOTICE_VERSION = '2026-12';
export const PRIVACY_NOTICE_LANGUAGES = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type PrivacyNoticeLanguage = (typeof PRIVACY_NOTICE_LANGUAGES)[number];
export const PRIVACY_NOTICE_PRESENTATIONS = ['she_read_it', 'read_to_her', 'interpreted'] as const;

export interface PrivacyNoticeText {
  title: string;
  sections: { heading: string; paragraphs: string[] }[];
}

/** The notice in a language, naming the organization responsible for her data. */
export function privacyNotice(language: PrivacyNoticeLanguage, organization: string): PrivacyNoticeText {
  const text = PRIVACY_NOTICE_TEXTS[language];
  const fill = (s: string) => s.replaceAll('{organization}', organization);
  return {
    title: fill(text.title),
    sections: text.sections.map((s) => ({ heading: fill(s.heading), paragraphs: s.paragraphs.map(fill) })),
  };
}

/** The notice language to offer first: her first language that has a notice, else Spanish. */
export function noticeLanguageFor(languages: readonly string[]): PrivacyNoticeLanguage {
  const found = languages.find((l): l is PrivacyNoticeLanguage =>
    (PRIVACY_NOTICE_LANGUAGES as readonly string[]).includes(l),
  );
  return found ?? 'es';
}

export const privacyNoticeAcceptance = z.strictObject({
  language: z.enum(PRIVACY_NOTICE_LANGUAGES),
  presentedHow: z.enum(PRIVACY_NOTICE_PRESENTATIONS),
  /** She accepted it: intake is refused without it. */
  accepted: z.literal(true),
  acceptedOn: isoDate.refine(notInFuture, { params: { code: 'future_date' } }),
});
export type PrivacyNoticeAcceptance = z.input<typeof privacyNoticeAcceptance>;

export const privacyNoticeView = z.object({
  version: z.string(),
  language: z.enum(PRIVACY_NOTICE_LANGUAGES),
  presentedHow: z.enum(PRIVACY_NOTICE_PRESENTATIONS),
  acceptedOn: z.string(),
  recordedBy: z.string().nullable(),
});
export type PrivacyNoticeView = z.infer<typeof privacyNoticeView>;
