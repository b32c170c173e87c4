/**
 * A minimal ISO 2709 writer for generated test data and benchmarks (not used
 * by the importer). Fields are marcjs-shaped: [tag, value] for control fields,
 * [tag, indicators, code, value, ...] for data fields.
 */
export function encodeIso2709(leader: string, fields: string[][], encoding: 'utf8' | 'latin1' = 'utf8'): Buffer {
  const bodies = fields.map(([tag, ...rest]) => {
    const text = /^00\d$/.test(tag!) ? rest[0]! : rest[0]! + pairs(rest.slice(1));
    return Buffer.from(`${text}\x1e`, encoding);
  });
  const base = 24 + fields.length * 12 + 1;
  const length = base + bodies.reduce((n, b) => n + b.length, 0) + 1;
  let offset = 0;
  const directory = fields
    .map(([tag], i) => {
      const entry = `${tag}${String(bodies[i]!.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`;
      offset += bodies[i]!.length;
      return entry;
    })
    .join('');
  const head = `${String(length).padStart(5, '0')}${leader.slice(5, 12)}${String(base).padStart(5, '0')}${leader.slice(17, 24)}`;
  return Buffer.concat([Buffer.from(`${head}${directory}\x1e`, 'latin1'), ...bodies, Buffer.from('\x1d', 'latin1')]);
}

function pairs(subfields: string[]): string {
  let out = '';
  for (let i = 0; i + 1 < subfields.length; i += 2) out += `\x1f${subfields[i]}${subfields[i + 1]}`;
  return out;
}
