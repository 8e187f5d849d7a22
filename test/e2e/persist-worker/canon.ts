// A value spelled as text that tells apart what a round trip could lose: Map,
// Set, undefined, -0, NaN, a lone surrogate, a prototype, the order of keys.
// The worker spells what it decoded, the test what it wrote; equal texts are
// equal values.
export function canon(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'string':
      return JSON.stringify(v);
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
      if (v instanceof Map) return `Map{${[...v].map(([k, x]) => `${canon(k)}=>${canon(x)}`).join(',')}}`;
      if (v instanceof Set) return `Set{${[...v].map(canon).join(',')}}`;
      const plain = Object.getPrototypeOf(v) === Object.prototype ? '' : `(${Object.getPrototypeOf(v)?.constructor?.name ?? 'null'})`;
      return `${plain}{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${canon(x)}`).join(',')}}`;
    }
    default:
      return `${typeof v}:${String(v)}`;
  }
}
