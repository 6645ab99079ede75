/** Response shapes of the workshop endpoints: activities and counts, never a person. */
import { z } from 'zod';
import { STAT_AGE_BANDS } from '../statistics/filters.js';
import {
  PARTICIPANT_GENDERS,
  PARTICIPANT_NATIONALITIES,
  WORKSHOP_KINDS,
  WORKSHOP_TOPICS,
} from './workshops.js';

const workshopCore = {
  id: z.string(),
  kind: z.enum(WORKSHOP_KINDS),
  title: z.string(),
  heldOn: z.string(),
  state: z.string(),
  municipality: z.string(),
  topic: z.enum(WORKSHOP_TOPICS),
  otherTopic: z.string(),
  language: z.string(),
  /** People reached: the sum of the participant rows. */
  participantTotal: z.number(),
};

export const workshopSummaryView = z.object({ ...workshopCore, materialCount: z.number() });
export type WorkshopSummaryView = z.infer<typeof workshopSummaryView>;

export const workshopListView = z.object({
  items: z.array(workshopSummaryView),
  /** Over every workshop the filters select (every page), not only this page. */
  totals: z.object({ workshops: z.number(), participants: z.number() }),
  nextCursor: z.string().nullable(),
});
export type WorkshopListView = z.infer<typeof workshopListView>;

export const participantRowView = z.object({
  gender: z.enum(PARTICIPANT_GENDERS),
  ageBand: z.enum(STAT_AGE_BANDS),
  nationality: z.enum(PARTICIPANT_NATIONALITIES),
  count: z.number(),
});
export type ParticipantRowView = z.infer<typeof participantRowView>;

/** A file kept with a workshop (programme, presentation, photos of the room): not personal data. */
export const workshopMaterialView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkshopMaterialView = z.infer<typeof workshopMaterialView>;

export const workshopView = z.object({
  ...workshopCore,
  coFacilitators: z.array(z.string()),
  participants: z.array(participantRowView),
  materials: z.array(workshopMaterialView),
  /** Send it back with a change: a change made meanwhile by someone else answers 409. */
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkshopView = z.infer<typeof workshopView>;
