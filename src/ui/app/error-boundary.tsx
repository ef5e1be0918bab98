import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * The app's last line: any error thrown while rendering shows here in words, with a Reload
 * button, never as a blank page. Everything committed is already in the repository, so a
 * reload loses nothing but what was being typed.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Taskgit stopped on an error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const message = error instanceof Error ? error.message || error.name : String(error);
    return (
      <div className="screen" role="alert">
        <h1 className="screen-title">Something went wrong</h1>
        <p>Taskgit hit an error it could not recover from:</p>
        <p>
          <code className="error-text">{message}</code>
        </p>
        <p>Your tasks are safe: every change was saved as a commit before it showed. Reloading starts the app again.</p>
        <p className="button-row">
          <button type="button" className="button primary" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
        {error instanceof Error && error.stack && (
          <details>
            <summary>Technical details</summary>
            <pre className="stack">{error.stack}</pre>
          </details>
        )}
      </div>
    );
  }
}
