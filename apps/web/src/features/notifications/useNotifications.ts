import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type AppNotification, type NotificationList } from '../../lib/api';
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

/** Mark one reminder read: shown read at once, then checked with the server. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: AppNotification) => api.markNotificationRead(notification.id),
    onSuccess: (_, notification) => {
      queryClient.setQueryData<NotificationList>(queryKeys.notifications, (old) => {
        if (!old) return old;
        const wasUnread = old.items.some((n) => n.id === notification.id && !n.read);
        return {
          items: old.items.map((n) => (n.id === notification.id ? { ...n, read: true } : n)),
          unread: wasUnread ? Math.max(old.unread - 1, 0) : old.unread,
        };
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}
