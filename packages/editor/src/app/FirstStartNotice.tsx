import { useEffect, useState } from 'react';
import { api, type FirstStartReport } from '../api/client';

/**
 * On the start screen after the service's first start: which flows it published (so a call on the
 * service works at once) and which it left out, with why. Nothing on any later start.
 */
export function FirstStartNotice() {
  const [report, setReport] = useState<FirstStartReport | null>(null);
  useEffect(() => {
    let current = true;
    api.firstStart().then(
      (answer) => current && setReport(answer),
      // An older service has no such route: there is simply nothing to say.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  if (!report) return null;
  return (
    <section className="first-start" role="status" aria-label="First start">
      <h2>Ready for a first call</h2>
      {report.published.length > 0 ? (
        <p>
          On its first start the service published {report.published.length} flows as their first version (
          {report.published.map((p) => p.flowId).join(', ')}). Open one and place a call from the Simulator in
          <em> On the service</em> mode: it runs the live version, with the service's agents.
        </p>
      ) : (
        <p>On its first start the service could not publish any flow.</p>
      )}
      {report.skipped.length > 0 && (
        <ul aria-label="Not published">
          {report.skipped.map((s) => (
            <li key={s.flowId}>
              <strong>{s.flowId}</strong> was not published: {s.reason}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
