import { createContext, useContext } from 'react';

/** Something to delete once she confirms: what, its name, and where the focus goes afterwards. */
export type DeleteTarget = (
  | { kind: 'service'; id: string }
  | { kind: 'location'; id: string }
  | { kind: 'access'; locationId: string; userId: string }
) & { title: string; focusAfter: () => void };

export interface ManageContextValue {
  /** Tell her what happened (the page's status message). */
  announce: (message: string) => void;
  /** Ask before deleting. */
  confirmDelete: (target: DeleteTarget) => void;
}

export const ManageContext = createContext<ManageContextValue | null>(null);

export function useManageContext(): ManageContextValue {
  const value = useContext(ManageContext);
  if (!value) throw new Error('useManageContext outside ManagePage');
  return value;
}
