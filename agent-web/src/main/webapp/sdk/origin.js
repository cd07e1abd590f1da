// One rule for what counts as a host or console origin, shared by the console's
// bridge and the host SDK, and mirrored by BridgeSettings on the server (the
// same table of cases, src/test/resources/origin-cases.json, tests both).
//
// Plain string rules rather than `new URL(...).origin`: the WHATWG parser
// rewrites hosts (`0x7f.1` becomes 127.0.0.1, IDN becomes punycode, IPv6 is
// compressed) in ways java.net.URI does not, and an allow-list entry must mean
// the same on both sides. Entries it cannot judge exactly are refused.

// scheme://host[:port][/], nothing else: no user info, path, query or fragment.
const ORIGIN_SHAPE = /^(https?):\/\/([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?\/?$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A last label like these makes browsers read the host as an IPv4 number.
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/;
const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const DEFAULT_PORTS = Object.freeze({ http: 80, https: 443 });
// Only spaces and tabs around an entry, as in a hand-written comma list.
const EDGE_BLANKS = /^[ \t]+|[ \t]+$/g;

/**
 * Returns the origin an entry stands for, as browsers write it in
 * `event.origin` (lower case, default port dropped), or null when the entry is
 * not exactly one http(s) origin. '*' in any form is never an origin.
 */
export function normaliseOrigin(entry) {
  if (typeof entry !== 'string') return null;
  const text = entry.replace(EDGE_BLANKS, '');
  const shape = ORIGIN_SHAPE.exec(text);
  if (!shape) return null;
  const scheme = shape[1].toLowerCase();
  const host = shape[2].toLowerCase();
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((label) => LABEL.test(label))) return null;
  if (NUMERIC_LABEL.test(labels[labels.length - 1]) && !DOTTED_QUAD.test(host)) return null;
  let port = '';
  if (shape[3] !== undefined) {
    const number = Number.parseInt(shape[3], 10);
    if (number < 1 || number > 65535) return null;
    if (number !== DEFAULT_PORTS[scheme]) port = `:${number}`;
  }
  return `${scheme}://${host}${port}`;
}
