import { useEffect, useState } from 'react';
import { onServerEvent } from './server-events';

interface Damage {
  file: string;
  problems: { message: string; line?: number; column?: number }[];
}

/**
 * A banner across the designer while the service's resources file cannot be read: calls go on with the
 * last good resources, and the admin learns where the file is broken. It reads /healthz when it opens and
 * whenever the event stream (re)connects (the file may have broken meanwhile), and follows the live events.
 */
export function ResourcesDamagedBanner() {
  const [damage, setDamage] = useState<Damage | null>(null);
  useEffect(() => {
    let current = true;
    const readHealth = () =>
      fetch('/healthz').then(
        async (res) => {
          const health = (await res.json()) as { resources?: { ok: boolean } & Partial<Damage> };
          if (!current || !health.resources) return;
          const { ok, file, problems } = health.resources;
          setDamage(ok === false && file ? { file, problems: problems ?? [] } : null);
        },
        () => undefined,
      );
    void readHealth();
    const stop = onServerEvent((type, data) => {
      if (type === 'stream.open') void readHealth();
      if (type === 'resources.damaged') setDamage(data as unknown as Damage);
      if (type === 'resources.recovered') setDamage(null);
    });
    return () => {
      current = false;
      stop();
    };
  }, []);
  const first = damage?.problems[0];
  return (
    <div className="banner-slot">
      {damage && (
        <div className="resources-damaged" role="alert" aria-label="Resources file damaged">
          <strong>The resources file cannot be read</strong>: {damage.file}
          {first?.line !== undefined ? `:${first.line}:${first.column}` : ''} — {first?.message ?? 'damaged'}{' '}
          Calls go on with the last good resources until it is fixed.
        </div>
      )}
    </div>
  );
}
