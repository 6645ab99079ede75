import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api';
import { careApi, type CareView } from '../../lib/careApi';
import { queryKeys } from '../../lib/queryKeys';

/** The case's care section (needs, plan, approvals), shared with the supervision part of the page. */
export function useCareQuery(caseId: string) {
  return useQuery({
    queryKey: queryKeys.care(caseId),
    queryFn: ({ signal }) => careApi.getCare(caseId, signal),
  });
}

/**
 * A write to the care section. Every write answers with the whole section: it
 * replaces what the page shows at once (the plan's status included); the case
 * (its status), the case list and "My work" are fetched again. A refusal
 * (409: already decided, the plan changed…) means what is shown is out of
 * date: the section is fetched again too.
 *
 * `onSuccess` and `onError` go here, not to `mutate()`: the new section often
 * unmounts the form that made the write, and `mutate()`'s own callbacks then
 * never run.
 */
export function useCareMutation<V>(
  caseId: string,
  write: (variables: V) => Promise<CareView>,
  options: {
    onSuccess?: (care: CareView, variables: V) => void;
    onError?: (error: unknown, variables: V) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (care, variables) => {
      queryClient.setQueryData(queryKeys.care(caseId), care);
      options.onSuccess?.(care, variables);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true }),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myWork }),
      ]);
    },
    onError: async (error, variables) => {
      options.onError?.(error, variables);
      if (isApiError(error) && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: queryKeys.care(caseId), exact: true });
    },
  });
}
