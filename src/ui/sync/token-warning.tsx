import { useId } from 'react';

/**
 * Said before the token leaves in the clear: over plain HTTP to `host`, another machine, where
 * anyone on the way can read it and use it. Nothing that sends the token works until the person
 * ticks that they mean it.
 */
export function TokenWarning({ host, accepted, onAccept }: { host: string; accepted: boolean; onAccept: (accepted: boolean) => void }) {
  const id = useId();
  return (
    <div className="token-warning" role="alert" data-testid="token-warning">
      <p>
        <strong>The token would cross the network unencrypted.</strong> {host} is reached over plain <code>http://</code>, so anyone on the way (the
        Wi-Fi, the network in between) can read the token and use it. Use an <code>https://</code> address if the server has one.
      </p>
      <label htmlFor={id} className="checkbox-label">
        <input id={id} type="checkbox" checked={accepted} onChange={(event) => onAccept(event.target.checked)} /> Send the token to {host} unencrypted anyway
      </label>
    </div>
  );
}
