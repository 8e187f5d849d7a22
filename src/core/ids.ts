// How ids compare (SPEC §2, §10): people, OKR sets, objectives and key
// results, and the file names ids come from, compare after Unicode NFC
// normalisation and lower-casing (JavaScript's toLowerCase): `people/zoë.md`
// saved in decomposed form (as macOS does) is the person `@zoë` typed in
// composed form.

/** The key an id (or a file-name id) is compared by. */
export function idKey(id: string): string {
  // Most ids are ASCII: skip normalize() for them.
  return (/^[\x00-\x7f]*$/.test(id) ? id : id.normalize('NFC')).toLowerCase();
}
