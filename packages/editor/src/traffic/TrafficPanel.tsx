import type { Flow } from '@callflow/model';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, type FlowTraffic, type VersionInfo } from '../api/client';
import { formatDuration, PERIOD_LABELS, type PeriodChoice, periodOf } from './traffic-period';
import { useTrafficStore } from './traffic-store';
import './traffic.css';

const CHOICES = Object.keys(PERIOD_LABELS) as PeriodChoice[];

/**
 * The Traffic tab: where calls went in a published version over a period, read from the service's
 * traces (docs/editor.md "Where calls go") — a table per block, and the same counts drawn on the canvas.
 */
export default function TrafficPanel({ flow }: { flow: Flow }) {
  const traffic = useTrafficStore((s) => s.traffic);
  const shown = useTrafficStore((s) => s.shown);
  const [choice, setChoice] = useState<PeriodChoice>('day');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let current = true;
    api.versions(flow.id).then(
      (list) => current && setVersions(list),
      () => current && setVersions([]),
    );
    return () => {
      current = false;
    };
  }, [flow.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` asks again (Refresh)
  useEffect(() => {
    const period = periodOf(choice, Date.now(), custom);
    if (!period) return;
    let current = true;
    setLoading(true);
    api.traffic(flow.id, { ...period, ...(version === undefined ? {} : { version }) }).then(
      (answer) => {
        if (!current) return;
        useTrafficStore.getState().setTraffic(answer);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        useTrafficStore.getState().setTraffic(null);
        setError(
          e instanceof ApiError && e.code === 'flow_not_published'
            ? 'This flow has no published version yet: calls are counted for published versions.'
            : e instanceof ApiError
              ? `${e.message} (${e.code})`
              : String(e),
        );
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [flow.id, choice, custom, version, reads]);

  const mine = traffic?.flowId === flow.id ? traffic : null;
  return (
    <section className="traffic-panel" aria-label="Where calls go">
      <div className="traffic-controls">
        <label>
          Period
          <select value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {PERIOD_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Version
          <select
            value={version === undefined ? '' : String(version)}
            onChange={(e) => setVersion(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">Live version</option>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version}
                {v.live ? ' (live)' : ''}
              </option>
            ))}
          </select>
        </label>
        {choice === 'custom' && (
          <>
            <label>
              From
              <input
                type="datetime-local"
                value={custom.from}
                onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              />
            </label>
            <label>
              To
              <input
                type="datetime-local"
                value={custom.to}
                onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              />
            </label>
          </>
        )}
        <button type="button" onClick={() => setReads((n) => n + 1)} disabled={loading}>
          Refresh
        </button>
        <label className="traffic-show">
          <input
            type="checkbox"
            checked={shown}
            onChange={(e) => useTrafficStore.getState().setShown(e.target.checked)}
          />
          Show on the canvas
        </label>
      </div>
      {error && (
        <p className="traffic-error" role="alert">
          {error}
        </p>
      )}
      {mine && <TrafficTable flow={flow} traffic={mine} />}
    </section>
  );
}

function TrafficTable({ flow, traffic }: { flow: Flow; traffic: FlowTraffic }) {
  const rows = useMemo(
    () =>
      Object.entries(traffic.blocks).sort(([a, x], [b, y]) => y.entered - x.entered || a.localeCompare(b)),
    [traffic],
  );
  const span = `${new Date(traffic.from).toLocaleString()} – ${new Date(traffic.to).toLocaleString()}`;
  return (
    <>
      <p className="traffic-summary" data-testid="traffic-summary">
        <strong>{traffic.calls}</strong> {traffic.calls === 1 ? 'call' : 'calls'} on version {traffic.version}
        , {span}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No call entered this version in the period.</p>
      ) : (
        <table className="traffic-table" aria-label="Calls per block">
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">Entered</th>
              <th scope="col">Outcomes</th>
              <th scope="col">Hung up</th>
              <th scope="col">Time (mean / p90)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, t]) => (
              <tr key={id} data-block={id}>
                <th scope="row">{flow.blocks[id]?.label ?? id}</th>
                <td data-column="entered">{t.entered}</td>
                <td data-column="outcomes">
                  {Object.entries(t.outcomes)
                    .map(([outcome, n]) => `${outcome}: ${n}`)
                    .concat(t.left > 0 ? [`left: ${t.left}`] : [], t.ended > 0 ? [`ended: ${t.ended}`] : [])
                    .concat(t.inBlock > 0 ? [`still there: ${t.inBlock}`] : [])
                    .join(', ')}
                </td>
                <td data-column="hung-up" className={t.hungUp > 0 ? 'has-hangups' : undefined}>
                  {t.hungUp}
                </td>
                <td data-column="time">
                  {t.time.count === 0
                    ? '—'
                    : `${formatDuration(t.time.meanMs)} / ${formatDuration(t.time.p90Ms)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
