import { RepoClosedError } from '../errors.ts';
import type { Backend } from './backend.ts';

/** `backend`, except that every call after `isClosed()` fails with RepoClosedError instead of touching a closed database. */
export function guardClosed(backend: Backend, isClosed: () => boolean, name: string): Backend {
  // Methods are called on `backend` itself, so a class-based backend keeps its `this`.
  const check = <K extends Exclude<keyof Backend, 'close'>>(method: K): Backend[K] =>
    ((...args: Parameters<Backend[K]>) =>
      isClosed() ? Promise.reject(new RepoClosedError(name)) : (backend[method] as (...a: Parameters<Backend[K]>) => ReturnType<Backend[K]>)(...args)) as Backend[K];
  return {
    getObject: check('getObject'),
    getObjects: check('getObjects'),
    hasObjects: check('hasObjects'),
    putObjects: check('putObjects'),
    getRef: check('getRef'),
    listRefs: check('listRefs'),
    compareAndSetRef: check('compareAndSetRef'),
    beginImport: check('beginImport'),
    close: () => backend.close(),
  };
}
