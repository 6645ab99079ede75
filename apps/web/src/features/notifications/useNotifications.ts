import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type NotificationList } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** How often the header looks for new reminders while the page is shown. */
export const NOTIFICATIONS_POLL_MS = 60_000;

/**
 * Her reminders and how many are unread. Polled while the tab is visible and
 * again when she comes back to it; the polls do not count as her activity,
 * so they never keep an unattended session open.
 */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => api.listNotifications(signal),
    refetchInterval: NOTIFICATIONS_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Mark one notice read (a reminder or a referral notice): shown read at once, then checked with the server. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: { id: string }) => api.markNotificationRead(notification.id),
    onSuccess: (_, notification) => {
      queryClient.setQueryData<NotificationList>(queryKeys.notifications, (old) => {
        if (!old) return old;
        const wasUnread = [...old.items, ...old.referrals].some((n) => n.id === notification.id && !n.read);
        const markRead = <N extends { id: string; read: boolean }>(n: N): N =>
          n.id === notification.id ? { ...n, read: true } : n;
        return {
          items: old.items.map(markRead),
          referrals: old.referrals.map(markRead),
          unread: wasUnread ? Math.max(old.unread - 1, 0) : old.unread,
        };
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}
