import type { UiLocale } from '@senda/domain';
import es from './es.json';
import en from './en.json';
import fr from './fr.json';
import ht from './ht.json';
import pt from './pt.json';

/** Spanish is the reference catalogue: its keys type every message id. */
export type MessageKey = keyof typeof es;
export type Catalogue = Record<string, string>;

export const CATALOGUES: Record<UiLocale, Catalogue> = { es, en, fr, ht, pt };
