import { useState } from 'react';
import { reminderState, setReminders, type ReminderState } from './reminders.ts';

const WORDS: Record<ReminderState, string> = {
  unsupported: 'This browser cannot show reminders.',
  blocked: 'Reminders are blocked in this browser’s site settings.',
  off: '',
  on: 'Reminders are on: a notification when an action falls due.',
};

/** "Enable reminders": asks the browser for notifications only when clicked; "Turn off" once on. */
export function RemindersButton() {
  const [state, setState] = useState<ReminderState>(() => reminderState());
  const change = async (on: boolean): Promise<void> => setState(await setReminders(on));
  if (state === 'off') {
    return (
      <button type="button" className="button" onClick={() => void change(true)}>
        Enable reminders
      </button>
    );
  }
  return (
    <span className="reminders-note">
      <span className="muted">{WORDS[state]}</span>
      {state === 'on' && (
        <button type="button" className="button small" onClick={() => void change(false)}>
          Turn off reminders
        </button>
      )}
    </span>
  );
}
