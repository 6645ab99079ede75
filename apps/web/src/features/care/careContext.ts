import { createContext, useContext } from 'react';

/** Something to delete, once she confirms: what it is, its name, and where the focus goes afterwards. */
export interface DeleteTarget {
  kind: 'need' | 'goal' | 'action';
  id: string;
  title: string;
  focusAfter: () => void;
}

/** What every part of the care section needs to know. */
export interface CareContextValue {
  caseId: string;
  /** The case is closed: nothing can be changed. */
  readOnly: boolean;
  /** Her consent to receive services is in force (actions and sending the plan need it). */
  servicesConsent: boolean;
  /** Staff assigned to the case: who may be responsible for an action. */
  staff: readonly { userId: string; displayName: string }[];
  /** Today in Mexico (YYYY-MM-DD). */
  today: string;
  /** Tell her what happened (the section's status message). */
  announce: (message: string) => void;
  /** Ask before deleting. */
  confirmDelete: (target: DeleteTarget) => void;
}

export const CareContext = createContext<CareContextValue | null>(null);

export function useCareContext(): CareContextValue {
  const value = useContext(CareContext);
  if (!value) throw new Error('useCareContext outside CareSection');
  return value;
}
