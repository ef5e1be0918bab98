/**
 * Browser notifications when an action falls due. Off until the person clicks "Enable
 * reminders" (the browser asks for permission only then); the choice is kept in localStorage,
 * like the theme.
 */

const KEY = 'taskgit-reminders';

/** Where reminders stand on this device. */
export type ReminderState = 'unsupported' | 'blocked' | 'off' | 'on';

/** True when this browser can show notifications. */
function remindersSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function wanted(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** The current state, read from the browser's permission and the stored choice. */
export function reminderState(): ReminderState {
  if (!remindersSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && wanted() ? 'on' : 'off';
}

/** Turns reminders on (asking the browser's permission first, so call it from a click) or off. */
export async function setReminders(on: boolean): Promise<ReminderState> {
  try {
    if (on && remindersSupported() && Notification.permission !== 'granted') await Notification.requestPermission();
    if (on && Notification.permission !== 'granted') return reminderState();
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage or permission refused: the state below says so.
  }
  return reminderState();
}

/** Shows a notification when reminders are on; through the service worker where there is one (phones need it). */
export async function showReminder(title: string, body: string): Promise<void> {
  if (reminderState() !== 'on') return;
  const options: NotificationOptions = { body, tag: 'taskgit-due', icon: `${import.meta.env.BASE_URL}icons/icon-192.png` };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) await registration.showNotification(title, options);
    else new Notification(title, options);
  } catch {
    // A notification that cannot be shown is not worth an error on screen.
  }
}
