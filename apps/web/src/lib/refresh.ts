/** What to refetch after a change, in one place per kind of change. */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';

/**
 * A calendar entry or a deadline rule changed: the server recomputes every
 * deadline, so everything that shows one (case pages, the Deadlines page) is
 * refetched along with the changed list itself.
 */
export async function refreshDeadlines(queryClient: QueryClient, changed: QueryKey): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: changed });
  await queryClient.invalidateQueries({ queryKey: queryKeys.cases });
  await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
}

/** A part of a case changed (incidents, documents): that part, the case page and the case list. */
export async function refreshCasePart(
  queryClient: QueryClient,
  caseId: string,
  part: QueryKey,
): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: part });
  await queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true });
  await queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] });
}
