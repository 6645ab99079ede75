import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api';
import { referralsApi, type Referral } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';

export function useReferralQuery(id: string) {
  return useQuery({
    queryKey: queryKeys.referral(id),
    queryFn: ({ signal }) => referralsApi.get(id, signal),
    enabled: id !== '',
  });
}

/**
 * A move or a message on a referral. Every write answers with the whole
 * referral: it replaces what the page shows at once; the boxes, the case's
 * list and "My work" are fetched again. A refusal (409: it moved meanwhile)
 * means what is shown is out of date: the referral is fetched again too.
 *
 * `onSuccess` goes here, not to `mutate()`: the new state often unmounts the
 * form that made the write.
 */
export function useReferralMutation<V>(
  id: string,
  write: (variables: V) => Promise<Referral>,
  options: { onSuccess?: (referral: Referral, variables: V) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (referral, variables) => {
      queryClient.setQueryData(queryKeys.referral(id), referral);
      options.onSuccess?.(referral, variables);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.referrals, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.referrals, 'case'] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.referralAccessLog(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myWork }),
      ]);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: queryKeys.referral(id), exact: true });
    },
  });
}
