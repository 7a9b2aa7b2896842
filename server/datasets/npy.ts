// The header of a NumPy .npy file (format 1.0 to 3.0): magic, version, header length, then a
// Python dict literal such as {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }.
export type NpyHeader = { dtype: string; shape: number[]; fortranOrder: boolean };

export function parseNpyHeader(bytes: Buffer): NpyHeader {
  if (bytes.length < 10 || bytes[0] !== 0x93 || bytes.subarray(1, 6).toString("latin1") !== "NUMPY") {
    throw new Error("This is not a NumPy .npy file (its first bytes are not \\x93NUMPY).");
  }
  const major = bytes[6]!;
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  if (bytes.length < start + headerLength) throw new Error("The .npy header is longer than what was read.");
  const header = bytes.subarray(start, start + headerLength).toString(major === 3 ? "utf8" : "latin1");
  const descr = /'descr'\s*:\s*('([^']*)'|\[.*\])/s.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw new Error("The .npy header does not name descr, fortran_order and shape.");
  return {
    dtype: descr[2] ?? descr[1]!,
    fortranOrder: fortran[1] === "True",
    shape: shape[1]!.split(",").map((s) => s.trim()).filter(Boolean).map(Number),
  };
}
