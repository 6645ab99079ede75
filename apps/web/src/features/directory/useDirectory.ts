import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { directoryApi, type DirectorySearch } from '../../lib/directoryApi';
import { queryKeys } from '../../lib/queryKeys';

/** A search shown page by page ("show more"). */
export function useServiceSearch(search: DirectorySearch) {
  return useInfiniteQuery({
    queryKey: queryKeys.directoryServices(search),
    queryFn: ({ signal, pageParam }) => directoryApi.searchServices({ ...search, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every service of one directory organization (its entry on the manage page). */
export function useOrganizationServices(organization: string) {
  return useQuery({
    queryKey: queryKeys.directoryServices({ organization, limit: 0 }),
    queryFn: ({ signal }) => directoryApi.searchAllServices({ organization }, signal),
  });
}

export function useService(id: string) {
  return useQuery({
    queryKey: queryKeys.directoryService(id),
    queryFn: ({ signal }) => directoryApi.getService(id, signal),
  });
}

export function useDirectoryOrganizations() {
  return useQuery({
    queryKey: queryKeys.directoryOrganizations,
    queryFn: ({ signal }) => directoryApi.listOrganizations(signal),
  });
}

export function useLocations(organizationId: string) {
  return useQuery({
    queryKey: queryKeys.directoryLocations(organizationId),
    queryFn: ({ signal }) => directoryApi.listLocations(organizationId, signal),
  });
}

export function useLocationAccess(locationId: string) {
  return useQuery({
    queryKey: queryKeys.directoryAccess(locationId),
    queryFn: ({ signal }) => directoryApi.listAccess(locationId, signal),
  });
}

/**
 * A change to the directory. Services show their organization and locations,
 * and searches show services: everything under `directory` is fetched again.
 * `onSuccess` and `onError` go here, not to `mutate()`: a save often
 * unmounts the form that made it, and `mutate()`'s own callbacks then never run.
 */
export function useDirectoryMutation<V, R>(
  write: (variables: V) => Promise<R>,
  options: {
    onSuccess?: (result: R, variables: V) => void;
    onError?: (error: unknown, variables: V) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result, variables) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory });
      options.onSuccess?.(result, variables);
    },
    onError: (error, variables) => options.onError?.(error, variables),
  });
}
