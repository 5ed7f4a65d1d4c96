import { useEffect, useState } from 'react';

function read(): string {
  return location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/**
 * The current screen lives in the URL hash: it survives a reload and works the same
 * from file:// in Electron and from the headless server.
 */
export function useHashRoute(): [string, (id: string) => void] {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (id: string) => (location.hash = `#/${id}`)];
}
