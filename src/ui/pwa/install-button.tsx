import { usePwa } from './pwa-context.ts';

/** "Install" while the browser offers to install the app (after `beforeinstallprompt`). */
export function InstallButton() {
  const { store, state } = usePwa();
  if (!store || !state.installable) return null;
  return (
    <button type="button" className="button" onClick={() => void store.install()} title="Install Taskgit as an app on this device">
      Install
    </button>
  );
}
