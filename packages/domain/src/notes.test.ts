import { describe, expect, it } from 'vitest';
import { NOTE_CLASSES, noteClassesFor, noteCreateInput } from './notes.js';
import { ROLES, type Role } from './roles.js';

describe('noteClassesFor', () => {
  it.each([
    ['admin', ['general']],
    ['coordinator', ['general', 'legal']],
    ['lawyer', ['general', 'legal']],
    ['psychologist', ['general', 'psychosocial']],
    ['social_worker', ['general']],
    ['intake', ['general']],
  ] as [Role, string[]][])('%s reads and writes %j', (role, classes) => {
    expect(noteClassesFor(role)).toEqual(classes);
  });

  it.each(['analyst', 'partner'] as Role[])('%s never gets a confidential class', (role) => {
    expect(noteClassesFor(role)).not.toContain('legal');
    expect(noteClassesFor(role)).not.toContain('psychosocial');
  });

  it('psychosocial notes belong to psychologists alone; legal notes never reach them', () => {
    expect(ROLES.filter((r) => noteClassesFor(r).includes('psychosocial'))).toEqual(['psychologist']);
    expect(noteClassesFor('psychologist')).not.toContain('legal');
  });

  it('every case worker can read general notes, and classes come in a fixed order', () => {
    for (const role of ROLES) {
      const classes = noteClassesFor(role);
      expect(classes).toContain('general');
      expect(classes).toEqual(NOTE_CLASSES.filter((c) => classes.includes(c)));
    }
  });
});

describe('noteCreateInput', () => {
  it('trims the body and refuses an empty or overlong one, and unknown fields', () => {
    expect(noteCreateInput.parse({ noteClass: 'legal', body: '  Audiencia el lunes \n' })).toEqual({
      noteClass: 'legal',
      body: 'Audiencia el lunes',
    });
    expect(noteCreateInput.safeParse({ noteClass: 'legal', body: ' \n ' }).success).toBe(false);
    expect(noteCreateInput.safeParse({ noteClass: 'legal', body: 'x'.repeat(20_001) }).success).toBe(false);
    expect(noteCreateInput.safeParse({ noteClass: 'legal', body: 'x'.repeat(20_000) }).success).toBe(true);
    expect(noteCreateInput.safeParse({ noteClass: 'secret', body: 'x' }).success).toBe(false);
    expect(noteCreateInput.safeParse({ noteClass: 'general', body: 'x', authorId: 'me' }).success).toBe(
      false,
    );
  });
});
