import { needsWayThrough, serverRemoteFor, type ServingServer } from '../served-by.ts';
import type { RemoteSettings } from '../sync-state.ts';

/** What the offers read of the form and how they change it. */
interface OfferProps {
  server: ServingServer;
  form: RemoteSettings;
  update: (patch: Partial<RemoteSettings>) => void;
  /** The id of the Remote URL field, focused when a GitHub URL is to be typed. */
  urlFieldId: string;
}

/**
 * The server the app was served by, offered first: its own remote (with the user name filled in
 * where it has accounts) and its way through to GitHub, GitLab and Codeberg.
 */
export function ServerOffer({ server, form, update, urlFieldId }: OfferProps) {
  const accounts = server.remote.includes('{user}');
  const remote = serverRemoteFor(server, form.username);
  const using = remote !== undefined && form.url.trim() === remote && form.corsProxy.trim() === '';
  const way = server.wayThrough;
  const goingThrough = way !== undefined && form.corsProxy.trim() === way.url;
  const useWayThrough = (): void => {
    if (!way) return;
    update({ corsProxy: way.url, ...(needsWayThrough(server, form.url) ? {} : { url: `https://${way.hosts[0] ?? 'github.com'}/` }) });
    document.getElementById(urlFieldId)?.focus();
  };
  return (
    <section className="server-offer" aria-labelledby="server-offer-title" data-testid="server-offer">
      <h3 id="server-offer-title">This server: {server.host}</h3>
      <p className="hint">
        {accounts
          ? 'Sync with your repository on the server this app came from, with your user name and the device token it gave you.'
          : 'Sync with the git remote of the server this app came from.'}
      </p>
      <div className="button-row">
        {using ? (
          <span className="offer-chosen" role="status">
            ✓ Its remote is set below
          </span>
        ) : (
          <button type="button" className="button" disabled={remote === undefined} onClick={() => remote && update({ url: remote, corsProxy: '' })}>
            Use this server
          </button>
        )}
        {remote === undefined && <span className="hint">Enter your user name below first.</span>}
        {way && !goingThrough && (
          <button type="button" className="button" onClick={useWayThrough}>
            {way.hosts.length > 0 ? `${listHosts(way.hosts)} through this server` : 'Through this server'}
          </button>
        )}
      </div>
      {way && goingThrough && (
        <p className="hint" role="status">
          ✓ Requests go through this server, which reaches {listHosts(way.hosts)} for the browser. Put the repository&rsquo;s own URL (e.g.{' '}
          <code>https://github.com/you/tasks.git</code>) above, and your token for that host.
        </p>
      )}
    </section>
  );
}

/** Under the Remote URL: a host the way through reaches, set without it, is offered the way through. */
export function WayThroughNudge({ server, form, update }: Omit<OfferProps, 'urlFieldId'>) {
  const way = server.wayThrough;
  if (!way || !needsWayThrough(server, form.url) || form.corsProxy.trim() !== '') return null;
  const host = new URL(form.url.trim()).host;
  return (
    <p className="hint warn-text" data-testid="way-through-nudge">
      {host} does not let browsers sync with it directly.{' '}
      <button type="button" className="link-button" onClick={() => update({ corsProxy: way.url })}>
        Sync through {server.host}
      </button>
    </p>
  );
}

function listHosts(hosts: readonly string[]): string {
  const names = hosts.map((host) => ({ 'github.com': 'GitHub', 'gitlab.com': 'GitLab', 'codeberg.org': 'Codeberg' })[host] ?? host);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
