// A closed-loop HTTP/1.1 load generator over raw kept-alive sockets: each connection sends a request,
// waits for the whole answer, and sends the next. Requests are written as bytes and answers read with a
// minimal parser (status line, Content-Length), so that on a machine of two cores the clients take as
// little CPU from the service they measure as possible — node:http costs several times as much per
// request, which would make every server look alike. Answers must carry Content-Length (express's
// res.json and res.send do); a chunked answer is an error here.
import { connect } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/** One kept-alive connection; `send` resolves with `{ status, body }` (body as a string). */
export function openConnection(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host, noDelay: true });
    let buffered = Buffer.alloc(0);
    let waiting;
    const fail = (error) => {
      const w = waiting;
      waiting = undefined;
      w?.reject(error);
    };
    socket.on('data', (chunk) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(HEADER_END);
      if (end < 0 || !waiting) return;
      const head = buffered.toString('latin1', 0, end);
      const status = Number(head.slice(9, 12));
      const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!match) return fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
      const total = end + HEADER_END.length + Number(match[1]);
      if (buffered.length < total) return;
      const body = buffered.toString('utf8', end + HEADER_END.length, total);
      buffered = buffered.subarray(total);
      const w = waiting;
      waiting = undefined;
      w.resolve({ status, body });
    });
    socket.on('error', (error) => {
      fail(error);
      reject(error);
    });
    socket.on('close', () => fail(new Error('the server closed the connection')));
    socket.once('connect', () =>
      resolve({
        send(bytes) {
          return new Promise((res, rej) => {
            waiting = { resolve: res, reject: rej };
            socket.write(bytes);
          });
        },
        close: () => socket.destroy(),
      }),
    );
  });
}

/** The bytes of a request; `body` a string or undefined. */
export function requestBytes(method, path, headers = {}, body) {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
}

/**
 * Runs `connections` clients for `seconds`. `client(connection, index)` is an async function returning
 * `{ next, between? }`: `next()` makes one timed request and resolves when its answer is in;
 * `between()`, when given, runs before each and may make untimed requests (a new contact every so
 * often), resolving with how many. Answers the timed latencies (ms, unsorted), every request made and
 * the wall time (s).
 */
export async function closedLoop({ port, connections, seconds, client }) {
  const open = await Promise.all(Array.from({ length: connections }, () => openConnection(port)));
  const clients = await Promise.all(open.map((c, i) => client(c, i)));
  const latencies = [];
  let untimed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async ({ next, between }) => {
      while (performance.now() < deadline) {
        if (between) untimed += await between();
        const sent = performance.now();
        await next();
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  for (const c of open) c.close();
  return { latencies, requests: latencies.length + untimed, seconds: wall };
}

/** Throws unless the answer is a success. */
export function expectOk(answer, what) {
  if (answer.status >= 400) throw new Error(`${what}: ${answer.status} ${answer.body.slice(0, 300)}`);
  return answer;
}
