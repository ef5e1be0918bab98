import { createContext, useContext } from 'react';

/** This device's name: what it is, what it would be by default, and the way to change it. */
export interface DeviceValue {
  name: string;
  /** The browser and system, "Chrome on Linux": the name until the person gives another. */
  defaultName: string;
  /** Keeps `name` (tidied; empty goes back to the default) and signs commits with it from now on. */
  saveName(name: string): Promise<void>;
}

export const DeviceContext = createContext<DeviceValue | null>(null);

/** This device's name; inside <DeviceProvider>. */
export function useDevice(): DeviceValue {
  const value = useContext(DeviceContext);
  if (!value) throw new Error('useDevice() is used outside <DeviceProvider>');
  return value;
}
