/**
 * When a long task ends while the tab is in the background, the person learns it from the
 * tab's title and, if they allowed it, a system notification. Permission is asked once, at
 * a submit (a moment the person is clearly waiting for something), never on page load.
 */
const APP_TITLE = 'Hailuo Studio';

export function askNotificationPermissionOnce(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

let restoreTitle: (() => void) | null = null;

export function noticeInBackground(title: string, body: string): void {
  if (typeof document === 'undefined' || document.visibilityState !== 'hidden') return;
  document.title = `${title} · ${APP_TITLE}`;
  if (!restoreTitle) {
    restoreTitle = () => {
      document.title = APP_TITLE;
      document.removeEventListener('visibilitychange', onVisible);
      restoreTitle = null;
    };
    const onVisible = () => document.visibilityState === 'visible' && restoreTitle?.();
    document.addEventListener('visibilitychange', onVisible);
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    try {
      new Notification(title, { body, icon: '/favicon.svg', tag: 'hailuo-task' });
    } catch {
      /* some browsers only allow notifications from a service worker; the title still says it */
    }
  }
}
