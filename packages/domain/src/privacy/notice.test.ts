import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_LANGUAGES, noticeLanguageFor, privacyNotice } from './notice.js';

describe('privacy notice', () => {
  it('exists in every interface language with the same sections, naming the organization', () => {
    const spanish = privacyNotice('es', 'Clínica Senda');
    for (const language of PRIVACY_NOTICE_LANGUAGES) {
      const notice = privacyNotice(language, 'Clínica Senda');
      expect(notice.sections.length).toBe(spanish.sections.length);
      notice.sections.forEach((section, i) =>
        expect(section.paragraphs.length).toBe(spanish.sections[i]?.paragraphs.length),
      );
      const all = [notice.title, ...notice.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
      expect(all).toContain('Clínica Senda');
      expect(all).not.toContain('{organization}');
      expect(all).toContain('COMAR');
    }
  });

  it('is offered first in her first language that has one, else in Spanish', () => {
    expect(noticeLanguageFor(['mam', 'ht', 'fr'])).toBe('ht');
    expect(noticeLanguageFor(['pt'])).toBe('pt');
    expect(noticeLanguageFor(['ar'])).toBe('es');
    expect(noticeLanguageFor([])).toBe('es');
  });
});
