// What a site tells the app it serves, at `/config.json` (never cached): its own remote, its way
// through to GitHub and the hosts that reaches, and its comment remote. The app offers these
// first in its Sync settings.

/** `/config.json` of a site. */
export interface SiteConfig {
  /** The remote the Sync settings start with: the local remote's `tasks.git` (no accounts only). */
  defaultRemote?: string;
  /** The demo chapter's comment remote (see src/comments/widget/resolve-remote.ts). */
  commentsRemote?: string;
  /** The server the app was served by. */
  server: {
    /** Its remote for the app's tasks; `{user}` stands for the user name where it has accounts. */
    remote: string;
    /** Its way through (`<url>proxy`), for the "CORS proxy" setting, and the hosts it reaches. */
    wayThrough?: { url: string; hosts: string[] };
  };
}

/** What the config of the site at `url` says, by the site's options. */
export function siteConfig(
  url: string,
  options: {
    repos: { kind: 'local' | 'accounts' };
    comments?: { repos: readonly string[] };
    wayThrough?: { upstreams: ReadonlyArray<string | { host: string }> } | false;
  },
): SiteConfig {
  const remote = options.repos.kind === 'local' ? `${url}tasks.git` : `${url}{user}/tasks.git`;
  const commentsRepo = options.comments?.repos[0];
  const hosts = options.wayThrough ? options.wayThrough.upstreams.map((upstream) => (typeof upstream === 'string' ? upstream : upstream.host)) : [];
  return {
    ...(options.repos.kind === 'local' ? { defaultRemote: remote } : {}),
    ...(commentsRepo ? { commentsRemote: `${url}${commentsRepo.replace(/\.git$/, '')}.git` } : {}),
    server: { remote, ...(hosts.length > 0 ? { wayThrough: { url: `${url}proxy`, hosts } } : {}) },
  };
}
