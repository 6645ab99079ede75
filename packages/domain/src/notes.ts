import { z } from 'zod';
import type { Role } from './roles.js';
import { text } from './common.js';

/** Confidentiality classes of case notes. */
export const NOTE_CLASSES = ['general', 'legal', 'psychosocial'] as const;
export type NoteClass = (typeof NOTE_CLASSES)[number];

/**
 * Who reads and writes each class, among the people who can open the case.
 * General: everyone with the case. Legal: lawyers and coordinators.
 * Psychosocial: psychologists only.
 */
const NOTE_READERS: Record<NoteClass, readonly Role[] | 'all'> = {
  general: 'all',
  legal: ['lawyer', 'coordinator'],
  psychosocial: ['psychologist'],
};
export function noteClassesFor(role: Role): NoteClass[] {
  return NOTE_CLASSES.filter((c) => {
    const readers = NOTE_READERS[c];
    return readers === 'all' || readers.includes(role);
  });
}

export const noteCreateInput = z.strictObject({
  noteClass: z.enum(NOTE_CLASSES),
  body: text().trim().min(1).max(20000),
});
export type NoteCreateInput = z.input<typeof noteCreateInput>;
